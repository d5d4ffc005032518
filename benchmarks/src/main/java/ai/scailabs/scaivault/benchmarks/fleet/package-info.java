/**
 * A fleet restarting at once into a rate-limited ScaiVault: start-up imports with full jitter
 * against the same imports retrying in lock-step.
 */
@NullMarked
package ai.scailabs.scaivault.benchmarks.fleet;

import org.jspecify.annotations.NullMarked;
