/**
 * JMH benchmarks of the core client against the bare JDK {@code HttpClient} on the same loopback
 * dev server. Run them with {@link ai.scailabs.scaivault.benchmarks.client.ClientBenchmarks}.
 */
@NullMarked
package ai.scailabs.scaivault.benchmarks.client;

import org.jspecify.annotations.NullMarked;
