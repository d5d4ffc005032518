package ai.scailabs.scaivault.devserver.policy;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import ai.scailabs.scaivault.devserver.http.ApiException;

/**
 * The policies and their bindings, in memory, and their evaluation: deny by default; an action is
 * allowed when a policy bound to the identity, or to one of its groups, has a rule whose pattern
 * matches the path, whose permissions include the action and whose conditions all hold.
 */
public final class PolicyStore {

	private final Map<String, Policy> policies = new ConcurrentHashMap<>();

	private final Map<String, PolicyBinding> bindings = new ConcurrentHashMap<>();

	/**
	 * Store a new policy or replace one with the same id.
	 * @param policy the policy
	 * @throws ApiException {@code conflict} when another policy has the same name
	 */
	public synchronized void save(Policy policy) {
		for (Policy other : this.policies.values()) {
			if (other.name().equals(policy.name()) && !other.id().equals(policy.id())) {
				throw ApiException.conflict("A policy named '" + policy.name() + "' already exists (" + other.id()
						+ "); choose another name or update that policy", Map.of("name", policy.name(), "id", other.id()));
			}
		}
		this.policies.put(policy.id(), policy);
	}

	/**
	 * @param id a policy id
	 * @return the policy, or {@code null}
	 */
	public @Nullable Policy find(String id) {
		return this.policies.get(id);
	}

	/** @return every policy, sorted by id */
	public List<Policy> policies() {
		List<Policy> result = new ArrayList<>(this.policies.values());
		result.sort(Comparator.comparing(Policy::id));
		return result;
	}

	/**
	 * Delete a policy and its bindings.
	 * @param id the policy id
	 * @return whether it existed
	 */
	public synchronized boolean delete(String id) {
		boolean existed = this.policies.remove(id) != null;
		this.bindings.values().removeIf((binding) -> binding.policyId().equals(id));
		return existed;
	}

	/**
	 * @param binding the binding to add
	 */
	public synchronized void bind(PolicyBinding binding) {
		if (!this.policies.containsKey(binding.policyId())) {
			throw ApiException.notFound("Policy " + binding.policyId() + " does not exist",
					Map.of("id", binding.policyId()));
		}
		this.bindings.put(binding.id(), binding);
	}

	/**
	 * @param bindingId a binding id
	 * @return the binding, or {@code null}
	 */
	public @Nullable PolicyBinding findBinding(String bindingId) {
		return this.bindings.get(bindingId);
	}

	/**
	 * @param bindingId the binding id
	 * @return whether it existed
	 */
	public boolean unbind(String bindingId) {
		return this.bindings.remove(bindingId) != null;
	}

	/**
	 * @param policyId a policy id
	 * @return its bindings, sorted by id
	 */
	public List<PolicyBinding> bindings(String policyId) {
		List<PolicyBinding> result = new ArrayList<>();
		for (PolicyBinding binding : this.bindings.values()) {
			if (binding.policyId().equals(policyId)) {
				result.add(binding);
			}
		}
		result.sort(Comparator.comparing(PolicyBinding::id));
		return result;
	}

	/**
	 * Decide an action.
	 * @param identityId the caller
	 * @param groups the caller's groups
	 * @param path the secret or resource path
	 * @param permission the permission
	 * @param source the caller's address, or {@code null} when unknown (then no {@code ip_ranges} holds)
	 * @param mfa whether the caller passed MFA
	 * @return the decision
	 */
	public PolicyDecision evaluate(String identityId, Set<String> groups, String path, String permission,
			@Nullable InetAddress source, boolean mfa) {
		Set<String> matched = new TreeSet<>();
		String failedCondition = null;
		for (PolicyBinding binding : this.bindings.values()) {
			if (!bindsTo(binding, identityId, groups)) {
				continue;
			}
			Policy policy = this.policies.get(binding.policyId());
			if (policy == null) {
				continue;
			}
			for (PolicyRule rule : policy.rules()) {
				if (!rule.permissions().contains(permission) || !rule.pathPattern().matches(path)) {
					continue;
				}
				String failure = failedCondition(rule, source, mfa);
				if (failure == null) {
					matched.add(policy.name());
				}
				else if (failedCondition == null) {
					failedCondition = "policy '" + policy.name() + "' matches but " + failure;
				}
			}
		}
		if (!matched.isEmpty()) {
			return new PolicyDecision(true, List.copyOf(matched),
					"Allowed by " + ((matched.size() == 1) ? "policy " : "policies ") + String.join(", ", matched));
		}
		String reason = "No policy allows " + permission + " on " + path + " for " + identityId;
		return new PolicyDecision(false, List.of(),
				(failedCondition != null) ? reason + " (" + failedCondition + ")" : reason);
	}

	private static boolean bindsTo(PolicyBinding binding, String identityId, Set<String> groups) {
		String bound = binding.identityId();
		if (bound.equals(identityId)) {
			return true;
		}
		if (binding.identityType().equals("group")) {
			return groups.contains(bound) || (!bound.startsWith("group:") && groups.contains("group:" + bound));
		}
		return false;
	}

	private static @Nullable String failedCondition(PolicyRule rule, @Nullable InetAddress source, boolean mfa) {
		if (Boolean.TRUE.equals(rule.requireMfa()) && !mfa) {
			return "its rule requires MFA";
		}
		List<Cidr> ranges = rule.ipRanges();
		if (ranges != null) {
			if (source == null) {
				return "its rule requires a source address in " + ranges;
			}
			for (Cidr range : ranges) {
				if (range.contains(source)) {
					return null;
				}
			}
			return "the source address " + source.getHostAddress() + " is not in " + ranges;
		}
		return null;
	}

}
