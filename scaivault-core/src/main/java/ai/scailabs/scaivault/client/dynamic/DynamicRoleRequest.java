package ai.scailabs.scaivault.client.dynamic;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A role of a dynamic secret engine: the SQL that creates and drops its accounts and how long they
 * live. Statements may use the placeholders {@code {{name}}}, {@code {{password}}} and
 * {@code {{expiration}}}.
 *
 * @param name role name, such as {@code readonly}
 * @param creationStatements SQL run to create an account, or empty for the engine's default
 * @param revocationStatements SQL run to drop it, or empty for the engine's default
 * @param defaultTtl lease lifetime when none is asked for, or {@code null}
 * @param maxTtl longest lifetime a lease may reach by renewal, or {@code null}
 */
public record DynamicRoleRequest(String name, List<String> creationStatements, List<String> revocationStatements,
		@Nullable Duration defaultTtl, @Nullable Duration maxTtl) {

	/**
	 * Return a role with the engine's default statements.
	 * @param name role name
	 * @param defaultTtl lease lifetime when none is asked for, or {@code null}
	 * @param maxTtl longest lifetime a lease may reach by renewal, or {@code null}
	 * @return the role
	 */
	public static DynamicRoleRequest withDefaultStatements(String name, @Nullable Duration defaultTtl,
			@Nullable Duration maxTtl) {
		return new DynamicRoleRequest(name, List.of(), List.of(), defaultTtl, maxTtl);
	}

	public DynamicRoleRequest {
		Objects.requireNonNull(name, "name must not be null");
		creationStatements = (creationStatements != null) ? List.copyOf(creationStatements) : List.of();
		revocationStatements = (revocationStatements != null) ? List.copyOf(revocationStatements) : List.of();
	}

}
