package ai.scailabs.scaivault.client.policies;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;

import ai.scailabs.scaivault.client.Page;
import ai.scailabs.scaivault.client.http.ApiRequest;
import ai.scailabs.scaivault.client.http.ApiTransport;
import ai.scailabs.scaivault.client.http.Endpoints;
import ai.scailabs.scaivault.client.http.Futures;
import ai.scailabs.scaivault.client.http.SecretPaths;

/**
 * Policies: create, get, list, update, delete, bind, unbind, test, asynchronously: every method
 * returns a {@code CompletableFuture}.
 */
public final class AsyncPolicyOperations {

	private static final TypeReference<Page<Policy>> POLICY_PAGE = new TypeReference<>() {
	};

	private final ApiTransport transport;

	public AsyncPolicyOperations(ApiTransport transport) {
		this.transport = transport;
	}

	/**
	 * Create a policy.
	 * @param name unique name
	 * @param rules the rules
	 * @param description what the policy is for, or {@code null}
	 * @return the created policy
	 */
	public CompletableFuture<Policy> create(String name, List<PolicyRule> rules, @Nullable String description) {
		return Futures.checked(() -> {
			PolicyBody body = new PolicyBody(name, description, rules);
			return this.transport.send(ApiRequest.post("policies.create", Endpoints.policies(), body), Policy.class);
		});
	}

	/**
	 * Get a policy.
	 * @param policyId the policy id
	 * @return the policy
	 */
	public CompletableFuture<Policy> get(String policyId) {
		return Futures.checked(
				() -> this.transport.send(ApiRequest.get("policies.get", Endpoints.policy(policyId)), Policy.class));
	}

	/**
	 * List the first page of policies.
	 * @return the first page
	 */
	public CompletableFuture<Page<Policy>> list() {
		return list(null, null);
	}

	/**
	 * List policies.
	 * @param limit page size (server default 50), or {@code null}
	 * @param cursor cursor of the previous page, or {@code null} for the first page
	 * @return the page
	 */
	public CompletableFuture<Page<Policy>> list(@Nullable Integer limit, @Nullable String cursor) {
		return Futures.checked(() -> {
			ApiRequest request = ApiRequest.get("policies.list", Endpoints.policies())
				.query("limit", limit)
				.query("cursor", cursor);
			return this.transport.send(request, POLICY_PAGE);
		});
	}

	/**
	 * Replace a policy's name, rules and description.
	 * @param policyId the policy id
	 * @param name the name
	 * @param rules the rules
	 * @param description the description, or {@code null}
	 * @return the updated policy
	 */
	public CompletableFuture<Policy> update(String policyId, String name, List<PolicyRule> rules,
			@Nullable String description) {
		return Futures.checked(() -> {
			PolicyBody body = new PolicyBody(name, description, rules);
			return this.transport.send(ApiRequest.put("policies.update", Endpoints.policy(policyId), body),
					Policy.class);
		});
	}

	/**
	 * Delete a policy and its bindings.
	 * @param policyId the policy id
	 * @return completes when deleted
	 */
	public CompletableFuture<Void> delete(String policyId) {
		return Futures.checked(() -> this.transport.send(ApiRequest.delete("policies.delete", Endpoints.policy(policyId)),
				Void.class));
	}

	/**
	 * Bind a policy to an identity.
	 * @param policyId the policy id
	 * @param identityType kind of identity
	 * @param identityId the identity, such as {@code group:developers}
	 * @return the binding
	 */
	public CompletableFuture<PolicyBinding> bind(String policyId, IdentityType identityType, String identityId) {
		return Futures.checked(() -> {
			Objects.requireNonNull(identityType, "identityType must not be null");
			BindingBody body = new BindingBody(identityType, identityId);
			return this.transport.send(ApiRequest.post("policies.bind", Endpoints.policyBindings(policyId), body),
					PolicyBinding.class);
		});
	}

	/**
	 * Bind a policy to an identity whose type its prefix names ({@code sa:}, {@code group:},
	 * {@code user:}).
	 * @param policyId the policy id
	 * @param identityId the identity, such as {@code sa:reporting-service}
	 * @return the binding
	 * @see IdentityType#ofIdentity(String)
	 */
	public CompletableFuture<PolicyBinding> bind(String policyId, String identityId) {
		return Futures.checked(() -> bind(policyId, IdentityType.ofIdentity(identityId), identityId));
	}

	/**
	 * Remove a binding.
	 * @param policyId the policy id
	 * @param bindingId the binding id
	 * @return completes when removed
	 */
	public CompletableFuture<Void> unbind(String policyId, String bindingId) {
		return Futures.checked(() -> this.transport.send(
				ApiRequest.delete("policies.unbind", Endpoints.policyBinding(policyId, bindingId)), Void.class));
	}

	/**
	 * Ask whether an identity may perform an action on a path, without performing it.
	 * @param identityId the identity, such as {@code user:alice@acme.example}
	 * @param path the secret path
	 * @param permission the action
	 * @param context the request context conditions are evaluated against, or {@code null}
	 * @return the decision
	 */
	public CompletableFuture<PolicyTestResult> test(String identityId, String path, Permission permission,
			@Nullable PolicyTestContext context) {
		return Futures.checked(() -> {
			TestBody body = new TestBody(identityId, SecretPaths.validate(path), permission, context);
			return this.transport.send(ApiRequest.idempotentPost("policies.test", Endpoints.policiesTest(), body),
					PolicyTestResult.class);
		});
	}

	/**
	 * Body of the create- and update-policy requests.
	 * @param name unique name of the policy
	 * @param description what the policy is for
	 * @param rules the rules
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	private record PolicyBody(String name, @Nullable String description, List<PolicyRule> rules) {

	}

	/**
	 * Body of the bind request.
	 * @param identityType kind of identity
	 * @param identityId the identity, such as {@code sa:reporting-service}
	 */
	private record BindingBody(IdentityType identityType, String identityId) {

	}

	/**
	 * Body of the test request.
	 * @param identityId the identity, such as {@code sa:reporting-service}
	 * @param path the secret path
	 * @param permission the permission to test
	 * @param context request context for conditions
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	private record TestBody(String identityId, String path, Permission permission,
			@Nullable PolicyTestContext context) {

	}

}
