/**
 * A pooled {@code DataSource} on dynamic, leased ScaiVault database credentials, without Spring:
 * {@link ai.scailabs.scaivault.jdbc.LeaseManager} holds the lease (renews it, rotates it before it
 * ends, revokes retired ones once their connections are closed),
 * {@link ai.scailabs.scaivault.jdbc.RenewalScheduler} drives it,
 * {@link ai.scailabs.scaivault.jdbc.LeaseEventPublisher} tells listeners, and
 * {@link ai.scailabs.scaivault.jdbc.LeasedDataSource} is the HikariCP pool that uses it.
 */
@NullMarked
package ai.scailabs.scaivault.jdbc;

import org.jspecify.annotations.NullMarked;
