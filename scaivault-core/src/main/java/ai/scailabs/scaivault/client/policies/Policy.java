package ai.scailabs.scaivault.client.policies;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An access policy.
 *
 * @param id policy id, such as {@code pol_abc123}
 * @param name unique name
 * @param description what the policy is for
 * @param rules the rules; a request is allowed when any rule allows it
 * @param createdAt when the policy was created
 * @param updatedAt when the policy last changed
 */
public record Policy(String id, String name, @Nullable String description, List<PolicyRule> rules,
		@Nullable Instant createdAt, @Nullable Instant updatedAt) {

	public Policy {
		rules = (rules != null) ? List.copyOf(rules) : List.of();
	}

}
