/**
 * Benchmarks behind {@code BENCHMARKS.md}: JMH benchmarks of the dev server and a plain harness
 * that times Spring Boot start-up in fresh JVMs. Nothing here runs during the build.
 */
@NullMarked
package ai.scailabs.scaivault.benchmarks;

import org.jspecify.annotations.NullMarked;
