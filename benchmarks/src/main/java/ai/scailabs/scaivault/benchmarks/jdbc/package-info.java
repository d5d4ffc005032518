/**
 * The leased, rotating pool of {@code scaivault-jdbc-dynamic} next to a static HikariCP pool.
 */
@NullMarked
package ai.scailabs.scaivault.benchmarks.jdbc;

import org.jspecify.annotations.NullMarked;
