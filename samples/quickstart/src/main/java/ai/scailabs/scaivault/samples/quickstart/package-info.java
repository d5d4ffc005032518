/**
 * The first-integration walk-through as a Spring Boot application: a Salesforce credential read
 * from ScaiVault at start-up through {@code spring.config.import}.
 */
@NullMarked
package ai.scailabs.scaivault.samples.quickstart;

import org.jspecify.annotations.NullMarked;
