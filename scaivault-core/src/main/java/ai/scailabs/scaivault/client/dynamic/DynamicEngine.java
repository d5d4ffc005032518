package ai.scailabs.scaivault.client.dynamic;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A configured dynamic secret engine. The admin password is never returned.
 *
 * @param name engine name
 * @param type the database kind
 * @param connectionUrl JDBC URL of the database, without credentials
 * @param username admin account
 * @param createdAt when it was configured
 */
public record DynamicEngine(String name, @Nullable EngineType type, @Nullable String connectionUrl,
		@Nullable String username, @Nullable Instant createdAt) {

}
