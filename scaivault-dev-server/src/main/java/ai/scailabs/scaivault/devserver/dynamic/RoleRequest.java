package ai.scailabs.scaivault.devserver.dynamic;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A request to configure a role of an engine.
 *
 * @param name the role name
 * @param creationStatements statements that create an account, or {@code null} for the defaults of
 * the engine's database
 * @param revocationStatements statements that drop it, or {@code null} for the defaults
 * @param defaultTtl lease duration when a request gives none, or {@code null} for one hour
 * @param maxTtl longest life of a lease, renewals included, or {@code null} for 24 hours
 */
record RoleRequest(String name, @Nullable List<String> creationStatements, @Nullable List<String> revocationStatements,
		@Nullable Duration defaultTtl, @Nullable Duration maxTtl) {

}
