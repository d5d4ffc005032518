package ai.scailabs.scaivault.devserver.policy;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One rule of a policy.
 *
 * @param pathPattern the path pattern
 * @param permissions the permissions it grants
 * @param ipRanges CIDR ranges the caller must be in, or {@code null} for any address
 * @param requireMfa whether the token must say MFA, or {@code null} when not set
 */
public record PolicyRule(PathPattern pathPattern, List<String> permissions, @Nullable List<Cidr> ipRanges,
		@Nullable Boolean requireMfa) {

	/** The permissions of the contract. */
	public static final List<String> PERMISSIONS = List.of("read", "list", "write", "delete", "rotate", "admin");

	public PolicyRule {
		permissions = List.copyOf(permissions);
		ipRanges = (ipRanges != null) ? List.copyOf(ipRanges) : null;
	}

	/** @return whether the rule has conditions */
	public boolean hasConditions() {
		return this.ipRanges != null || this.requireMfa != null;
	}

}
