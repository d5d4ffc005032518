package ai.scailabs.scaivault.client.dynamic;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import ai.scailabs.scaivault.client.Page;
import ai.scailabs.scaivault.client.http.Blocking;

/**
 * Dynamic secrets: configure engines and roles, generate credentials, renew, revoke and list
 * leases, blocking: the same methods as {@link AsyncDynamicOperations}, waiting for the answer.
 */
public final class DynamicOperations {

	private final AsyncDynamicOperations async;

	public DynamicOperations(AsyncDynamicOperations async) {
		this.async = async;
	}

	/**
	 * Configure a dynamic secret engine on a database.
	 * @param configuration the database and its admin account
	 * @return the engine, without the admin password
	 */
	public DynamicEngine configureEngine(EngineConfiguration configuration) {
		return Blocking.join(this.async.configureEngine(configuration));
	}

	/**
	 * Create a role of an engine.
	 * @param engine the engine name
	 * @param role the role
	 * @return the created role
	 */
	public DynamicRole createRole(String engine, DynamicRoleRequest role) {
		return Blocking.join(this.async.createRole(engine, role));
	}

	/**
	 * Generate credentials: a new database account under a new lease. Revoke the lease when done,
	 * or use {@link #credentials(String, String, Duration)}.
	 * @param engine the engine name
	 * @param role the role name
	 * @param ttl lease lifetime, or {@code null} for the role's default
	 * @return the lease with the credentials
	 */
	public Lease generateCredentials(String engine, String role, @Nullable Duration ttl) {
		return Blocking.join(this.async.generateCredentials(engine, role, ttl));
	}

	/**
	 * Generate credentials that revoke their lease when closed (try-with-resources).
	 * @param engine the engine name
	 * @param role the role name
	 * @param ttl lease lifetime, or {@code null} for the role's default
	 * @return the credentials
	 */
	public LeasedCredentials credentials(String engine, String role, @Nullable Duration ttl) {
		return Blocking.join(this.async.credentials(engine, role, ttl));
	}

	/**
	 * Renew a lease.
	 * @param leaseId the lease id
	 * @param increment how long the lease should last from now, or {@code null}
	 * @return the renewal
	 */
	public LeaseRenewal renewLease(String leaseId, @Nullable Duration increment) {
		return Blocking.join(this.async.renewLease(leaseId, increment));
	}

	/**
	 * Revoke a lease.
	 * @param leaseId the lease id
	 */
	public void revokeLease(String leaseId) {
		Blocking.join(this.async.revokeLease(leaseId));
	}

	/**
	 * List the first page of leases of an engine.
	 * @param engine the engine name, or {@code null} for every engine
	 * @return the page
	 */
	public Page<LeaseSummary> listLeases(@Nullable String engine) {
		return Blocking.join(this.async.listLeases(engine));
	}

	/**
	 * List leases.
	 * @param engine the engine name, or {@code null}
	 * @param limit page size, or {@code null}
	 * @param cursor cursor of the previous page, or {@code null}
	 * @return the page
	 */
	public Page<LeaseSummary> listLeases(@Nullable String engine, @Nullable Integer limit, @Nullable String cursor) {
		return Blocking.join(this.async.listLeases(engine, limit, cursor));
	}

}
