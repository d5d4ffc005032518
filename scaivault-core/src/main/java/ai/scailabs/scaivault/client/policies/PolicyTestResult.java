package ai.scailabs.scaivault.client.policies;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The decision of a policy test.
 *
 * @param allowed whether the request would be allowed
 * @param matchedPolicies names or ids of the policies that matched
 * @param reason why, in words
 */
public record PolicyTestResult(boolean allowed, List<String> matchedPolicies, @Nullable String reason) {

	public PolicyTestResult {
		matchedPolicies = (matchedPolicies != null) ? List.copyOf(matchedPolicies) : List.of();
	}

}
