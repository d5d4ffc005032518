/**
 * JMH benchmarks of the embedded dev server: start-up and loopback requests per second through
 * the core client. Run them with {@link ai.scailabs.scaivault.benchmarks.devserver.DevServerBenchmarks}.
 */
@NullMarked
package ai.scailabs.scaivault.benchmarks.devserver;

import org.jspecify.annotations.NullMarked;
