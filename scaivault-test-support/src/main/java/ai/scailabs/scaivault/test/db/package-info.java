/**
 * Real PostgreSQL and MariaDB servers for tests, with password authentication on, so that a test
 * of generated accounts proves that expiry and revocation lock them out.
 *
 * <p>{@link ai.scailabs.scaivault.test.db.TestDatabases#postgres()} and
 * {@link ai.scailabs.scaivault.test.db.TestDatabases#mariadb()} pick, once per JVM: an explicit
 * override ({@code SCAIVAULT_TEST_POSTGRES_URL}, {@code SCAIVAULT_TEST_MARIADB_URL}), else the
 * machine's own server on the standard port when it answers and checks passwords, else an embedded
 * server started from Maven artifacts. Each choice is logged.
 */
@NullMarked
package ai.scailabs.scaivault.test.db;

import org.jspecify.annotations.NullMarked;
