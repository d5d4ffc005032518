/**
 * Bus fan-out: from a rotation in ScaiVault to every replica of an application joined by Spring
 * Cloud Bus holding the new value.
 */
@NullMarked
package ai.scailabs.scaivault.benchmarks.fanout;

import org.jspecify.annotations.NullMarked;
