package ai.scailabs.scaivault.client.policies;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Conditions that must all hold for a {@link PolicyRule} to apply.
 *
 * @param ipRanges CIDR ranges the caller's address must be in, or {@code null} for any address
 * @param requireMfa whether the caller's token must say MFA was used, or {@code null} for no requirement
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PolicyConditions(@Nullable List<String> ipRanges, @Nullable Boolean requireMfa) {

	public PolicyConditions {
		ipRanges = (ipRanges != null) ? List.copyOf(ipRanges) : null;
	}

	/**
	 * Return conditions that only allow callers from the given CIDR ranges.
	 * @param ipRanges CIDR ranges such as {@code 10.0.0.0/8}
	 * @return the conditions
	 */
	public static PolicyConditions ipRanges(String... ipRanges) {
		return new PolicyConditions(List.of(ipRanges), null);
	}

	/**
	 * Return a copy that also requires MFA.
	 * @return the new conditions
	 */
	public PolicyConditions withRequireMfa() {
		return new PolicyConditions(this.ipRanges, true);
	}

}
