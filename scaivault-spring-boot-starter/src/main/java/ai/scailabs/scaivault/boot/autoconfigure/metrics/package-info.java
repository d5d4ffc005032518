/**
 * Micrometer metrics for the ScaiVault client (a request listener that times every operation and
 * counts retries) and for the start-up attempts of the {@code scaivault:} import.
 */
@NullMarked
package ai.scailabs.scaivault.boot.autoconfigure.metrics;

import org.jspecify.annotations.NullMarked;
