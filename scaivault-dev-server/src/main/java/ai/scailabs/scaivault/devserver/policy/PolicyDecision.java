package ai.scailabs.scaivault.devserver.policy;

import java.util.List;

/**
 * The outcome of evaluating the policies for one action.
 *
 * @param allowed whether it is allowed
 * @param matchedPolicies names of the policies whose rule allowed it
 * @param reason why, in words
 */
public record PolicyDecision(boolean allowed, List<String> matchedPolicies, String reason) {

	public PolicyDecision {
		matchedPolicies = List.copyOf(matchedPolicies);
	}

}
