package ai.scailabs.scaivault.client.policies;

import java.util.List;

import org.jspecify.annotations.Nullable;

import ai.scailabs.scaivault.client.Page;
import ai.scailabs.scaivault.client.http.Blocking;

/**
 * Policies: create, get, list, update, delete, bind, unbind, test, blocking: the same methods as
 * {@link AsyncPolicyOperations}, waiting for the answer.
 */
public final class PolicyOperations {

	private final AsyncPolicyOperations async;

	public PolicyOperations(AsyncPolicyOperations async) {
		this.async = async;
	}

	/**
	 * Create a policy.
	 * @param name unique name
	 * @param rules the rules
	 * @param description what the policy is for, or {@code null}
	 * @return the created policy
	 */
	public Policy create(String name, List<PolicyRule> rules, @Nullable String description) {
		return Blocking.join(this.async.create(name, rules, description));
	}

	/**
	 * Get a policy.
	 * @param policyId the policy id
	 * @return the policy
	 */
	public Policy get(String policyId) {
		return Blocking.join(this.async.get(policyId));
	}

	/**
	 * List the first page of policies.
	 * @return the first page
	 */
	public Page<Policy> list() {
		return Blocking.join(this.async.list());
	}

	/**
	 * List policies.
	 * @param limit page size, or {@code null}
	 * @param cursor cursor of the previous page, or {@code null}
	 * @return the page
	 */
	public Page<Policy> list(@Nullable Integer limit, @Nullable String cursor) {
		return Blocking.join(this.async.list(limit, cursor));
	}

	/**
	 * Replace a policy's name, rules and description.
	 * @param policyId the policy id
	 * @param name the name
	 * @param rules the rules
	 * @param description the description, or {@code null}
	 * @return the updated policy
	 */
	public Policy update(String policyId, String name, List<PolicyRule> rules, @Nullable String description) {
		return Blocking.join(this.async.update(policyId, name, rules, description));
	}

	/**
	 * Delete a policy.
	 * @param policyId the policy id
	 */
	public void delete(String policyId) {
		Blocking.join(this.async.delete(policyId));
	}

	/**
	 * Bind a policy to an identity.
	 * @param policyId the policy id
	 * @param identityType kind of identity
	 * @param identityId the identity
	 * @return the binding
	 */
	public PolicyBinding bind(String policyId, IdentityType identityType, String identityId) {
		return Blocking.join(this.async.bind(policyId, identityType, identityId));
	}

	/**
	 * Bind a policy to an identity whose type its prefix names ({@code sa:}, {@code group:},
	 * {@code user:}).
	 * @param policyId the policy id
	 * @param identityId the identity
	 * @return the binding
	 */
	public PolicyBinding bind(String policyId, String identityId) {
		return Blocking.join(this.async.bind(policyId, identityId));
	}

	/**
	 * Remove a binding.
	 * @param policyId the policy id
	 * @param bindingId the binding id
	 */
	public void unbind(String policyId, String bindingId) {
		Blocking.join(this.async.unbind(policyId, bindingId));
	}

	/**
	 * Ask whether an identity may perform an action on a path.
	 * @param identityId the identity
	 * @param path the secret path
	 * @param permission the action
	 * @param context the request context, or {@code null}
	 * @return the decision
	 */
	public PolicyTestResult test(String identityId, String path, Permission permission,
			@Nullable PolicyTestContext context) {
		return Blocking.join(this.async.test(identityId, path, permission, context));
	}

}
