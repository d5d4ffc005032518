/**
 * Micrometer metrics for the ScaiVault client: a request listener that times every operation and
 * counts retries.
 */
@NullMarked
package ai.scailabs.scaivault.boot.autoconfigure.metrics;

import org.jspecify.annotations.NullMarked;
