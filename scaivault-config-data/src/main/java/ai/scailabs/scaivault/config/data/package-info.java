/**
 * {@code spring.config.import=scaivault:...}: the location resolver, the loader, the start-up batch
 * read and the failure analysis.
 */
@NullMarked
package ai.scailabs.scaivault.config.data;

import org.jspecify.annotations.NullMarked;
