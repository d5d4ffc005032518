package ai.scailabs.scaivault.client.dynamic;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;

import ai.scailabs.scaivault.client.Page;
import ai.scailabs.scaivault.client.http.ApiRequest;
import ai.scailabs.scaivault.client.http.ApiTransport;
import ai.scailabs.scaivault.client.http.Durations;
import ai.scailabs.scaivault.client.http.Endpoints;
import ai.scailabs.scaivault.client.http.Futures;

/**
 * Dynamic secrets: configure engines and roles, generate credentials, renew, revoke and list
 * leases, asynchronously: every method returns a {@code CompletableFuture}.
 */
public final class AsyncDynamicOperations {

	private static final TypeReference<Page<LeaseSummary>> LEASE_PAGE = new TypeReference<>() {
	};

	private final ApiTransport transport;

	public AsyncDynamicOperations(ApiTransport transport) {
		this.transport = transport;
	}

	/**
	 * Configure a dynamic secret engine on a database.
	 * @param configuration the database and its admin account
	 * @return the engine, without the admin password
	 */
	public CompletableFuture<DynamicEngine> configureEngine(EngineConfiguration configuration) {
		return Futures.checked(() -> this.transport.send(
				ApiRequest.post("dynamic.configure_engine", Endpoints.dynamicEngines(), configuration),
				DynamicEngine.class));
	}

	/**
	 * Create a role of an engine.
	 * @param engine the engine name
	 * @param role the role
	 * @return the created role
	 */
	public CompletableFuture<DynamicRole> createRole(String engine, DynamicRoleRequest role) {
		return Futures.checked(() -> {
			@Nullable List<String> creation = role.creationStatements().isEmpty() ? null : role.creationStatements();
			@Nullable List<String> revocation = role.revocationStatements().isEmpty() ? null : role.revocationStatements();
			RoleBody body = new RoleBody(role.name(), creation, revocation, format(role.defaultTtl()),
					format(role.maxTtl()));
			ApiRequest request = ApiRequest.post("dynamic.create_role", Endpoints.dynamicEngineRoles(engine), body);
			return this.transport.send(request, DynamicRole.class);
		});
	}

	/**
	 * Generate credentials: a new database account under a new lease.
	 * @param engine the engine name, such as {@code support-db}
	 * @param role the role name, such as {@code readonly}
	 * @param ttl lease lifetime, or {@code null} for the role's default
	 * @return the lease with the credentials
	 */
	public CompletableFuture<Lease> generateCredentials(String engine, String role, @Nullable Duration ttl) {
		return Futures.checked(() -> {
			GenerateBody body = new GenerateBody(format(ttl));
			ApiRequest request = ApiRequest.post("dynamic.generate_credentials",
					Endpoints.dynamicCredentials(engine, role), body);
			return this.transport.send(request, Lease.class);
		});
	}

	/**
	 * Generate credentials that revoke their lease when closed. Prefer
	 * {@link #withCredentials(String, String, Duration, Function)} in asynchronous code: closing
	 * waits for the revocation.
	 * @param engine the engine name
	 * @param role the role name
	 * @param ttl lease lifetime, or {@code null} for the role's default
	 * @return the credentials
	 */
	public CompletableFuture<LeasedCredentials> credentials(String engine, String role, @Nullable Duration ttl) {
		return generateCredentials(engine, role, ttl).thenApply(this::leased);
	}

	/**
	 * Generate credentials, run the action with them and revoke the lease once the action's stage
	 * has completed, successfully or not: the asynchronous form of try-with-resources.
	 * @param <T> the action's result type
	 * @param engine the engine name
	 * @param role the role name
	 * @param ttl lease lifetime, or {@code null} for the role's default
	 * @param action what to do with the credentials
	 * @return the action's result, once the lease is revoked; the action's failure wins over a
	 * failed revocation
	 */
	public <T> CompletableFuture<T> withCredentials(String engine, String role, @Nullable Duration ttl,
			Function<LeasedCredentials, ? extends CompletionStage<T>> action) {
		return credentials(engine, role, ttl).thenCompose((credentials) -> {
			CompletableFuture<T> result;
			try {
				result = action.apply(credentials).toCompletableFuture();
			}
			catch (RuntimeException ex) {
				result = CompletableFuture.failedFuture(ex);
			}
			return result.handle(Outcome::new)
				.thenCompose((outcome) -> credentials.revokeAsync()
					.handle((ignored, revokeFailure) -> outcome.valueAfterRevocation(revokeFailure)));
		});
	}

	LeasedCredentials leased(Lease lease) {
		return new LeasedCredentials(lease, () -> revokeLease(lease.leaseId()));
	}

	/**
	 * Renew a lease; the credentials stay the same.
	 * @param leaseId the lease id
	 * @param increment how long the lease should last from now, or {@code null} for the role's default
	 * (never beyond the role's maximum)
	 * @return the renewal
	 */
	public CompletableFuture<LeaseRenewal> renewLease(String leaseId, @Nullable Duration increment) {
		return Futures.checked(() -> {
			RenewBody body = new RenewBody(format(increment));
			return this.transport.send(ApiRequest.post("dynamic.renew_lease", Endpoints.leaseRenew(leaseId), body),
					LeaseRenewal.class);
		});
	}

	/**
	 * Revoke a lease: the account's sessions end and it is dropped.
	 * @param leaseId the lease id
	 * @return completes when revoked
	 */
	public CompletableFuture<Void> revokeLease(String leaseId) {
		return Futures.checked(() -> this.transport.send(ApiRequest.delete("dynamic.revoke_lease", Endpoints.lease(leaseId)),
				Void.class));
	}

	/**
	 * List the first page of leases of an engine, without their credentials.
	 * @param engine the engine name, or {@code null} for every engine
	 * @return the page
	 */
	public CompletableFuture<Page<LeaseSummary>> listLeases(@Nullable String engine) {
		return listLeases(engine, null, null);
	}

	/**
	 * List leases, without their credentials.
	 * @param engine the engine name, or {@code null} for every engine
	 * @param limit page size, or {@code null}
	 * @param cursor cursor of the previous page, or {@code null}
	 * @return the page
	 */
	public CompletableFuture<Page<LeaseSummary>> listLeases(@Nullable String engine, @Nullable Integer limit,
			@Nullable String cursor) {
		return Futures.checked(() -> {
			ApiRequest request = ApiRequest.get("dynamic.list_leases", Endpoints.leases())
				.query("engine", engine)
				.query("limit", limit)
				.query("cursor", cursor);
			return this.transport.send(request, LEASE_PAGE);
		});
	}

	/**
	 * Format a lifetime as the documents do: whole hours in hours ({@code 168h}, {@code 2h}), anything
	 * else in the contract's general form ({@code 30m}, {@code 1h30m}).
	 */
	private static @Nullable String format(@Nullable Duration duration) {
		if (duration == null) {
			return null;
		}
		return Durations.formatHours(duration);
	}

	/**
	 * The outcome of a call made with leased credentials, kept until the lease is revoked.
	 * @param <T> the value type
	 * @param value the value, or {@code null} when the call failed
	 * @param failure the failure, or {@code null}
	 */
	private record Outcome<T>(@Nullable T value, @Nullable Throwable failure) {

		@Nullable T valueAfterRevocation(@Nullable Throwable revokeFailure) {
			if (this.failure != null) {
				Throwable cause = Futures.unwrap(this.failure);
				if (revokeFailure != null) {
					cause.addSuppressed(Futures.unwrap(revokeFailure));
				}
				throw new CompletionException(cause);
			}
			if (revokeFailure != null) {
				throw new CompletionException(Futures.unwrap(revokeFailure));
			}
			return this.value;
		}

	}

	/**
	 * Body of the create-role request.
	 * @param name unique name
	 * @param creationStatements SQL that creates an account
	 * @param revocationStatements SQL that drops an account
	 * @param defaultTtl default lease duration, such as {@code 1h}
	 * @param maxTtl longest lease or certificate duration, such as {@code 24h}
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	private record RoleBody(String name, @Nullable List<String> creationStatements,
			@Nullable List<String> revocationStatements, @Nullable String defaultTtl, @Nullable String maxTtl) {

	}

	/**
	 * Body of the generate-credentials request.
	 * @param ttl requested duration, such as {@code 1h}
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	private record GenerateBody(@Nullable String ttl) {

	}

	/**
	 * Body of the renew-lease request.
	 * @param increment requested extension, such as {@code 1h}
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	private record RenewBody(@Nullable String increment) {

	}

}
