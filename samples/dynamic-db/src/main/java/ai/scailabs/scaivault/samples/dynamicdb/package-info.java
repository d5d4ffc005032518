/**
 * Sample: a Spring Boot app whose repository runs on leased ScaiVault database credentials that
 * rotate under traffic.
 */
@NullMarked
package ai.scailabs.scaivault.samples.dynamicdb;

import org.jspecify.annotations.NullMarked;
