/**
 * Spring Boot start-up with {@code spring.config.import=scaivault:...} against the same application
 * reading the same values from a properties file, each start in a fresh JVM. Run it with
 * {@link ai.scailabs.scaivault.benchmarks.startup.SpringBootStartupHarness}.
 */
@NullMarked
package ai.scailabs.scaivault.benchmarks.startup;

import org.jspecify.annotations.NullMarked;
