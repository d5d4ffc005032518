package ai.scailabs.scaivault.client.policies;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * One rule of a policy: which actions it allows on which paths, under which conditions.
 *
 * @param pathPattern secret path pattern: {@code *} matches one segment, {@code **} any number of
 * segments, such as {@code environments/production/**}
 * @param permissions actions the rule allows
 * @param conditions conditions that must all hold, or {@code null} for none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PolicyRule(String pathPattern, List<Permission> permissions, @Nullable PolicyConditions conditions) {

	public PolicyRule {
		permissions = (permissions != null) ? List.copyOf(permissions) : List.of();
	}

	/**
	 * Return a rule without conditions.
	 * @param pathPattern the path pattern
	 * @param permissions the allowed actions
	 * @return the rule
	 */
	public static PolicyRule of(String pathPattern, Permission... permissions) {
		return new PolicyRule(pathPattern, List.of(permissions), null);
	}

	/**
	 * Return a copy of this rule with the given conditions.
	 * @param conditions the conditions
	 * @return the new rule
	 */
	public PolicyRule withConditions(PolicyConditions conditions) {
		return new PolicyRule(this.pathPattern, this.permissions, conditions);
	}

}
