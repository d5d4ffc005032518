/**
 * Live rotation: from a rotation in ScaiVault to the application's bean holding the new value, by
 * webhook and by poll, side by side.
 */
@NullMarked
package ai.scailabs.scaivault.benchmarks.refresh;

import org.jspecify.annotations.NullMarked;
