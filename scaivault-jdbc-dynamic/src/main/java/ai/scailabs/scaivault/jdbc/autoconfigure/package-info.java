/**
 * Spring Boot auto-configuration of a {@code DataSource} on leased ScaiVault database credentials,
 * active when {@code scaivault.datasource.engine} is set: the pool, lease events as application
 * events, {@code lease.revoked} webhooks, health, metrics and start-up failure analysis.
 */
@NullMarked
package ai.scailabs.scaivault.jdbc.autoconfigure;

import org.jspecify.annotations.NullMarked;
