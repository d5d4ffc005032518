package ai.scailabs.scaivault.devserver.policy;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A stored policy.
 *
 * @param id the id ({@code pol_...})
 * @param name the unique name
 * @param description the description, or {@code null}
 * @param rules the rules
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 */
public record Policy(String id, String name, @Nullable String description, List<PolicyRule> rules,
		Instant createdAt, Instant updatedAt) {

	public Policy {
		rules = List.copyOf(rules);
	}

}
