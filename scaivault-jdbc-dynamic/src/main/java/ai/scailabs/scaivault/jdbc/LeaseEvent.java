package ai.scailabs.scaivault.jdbc;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Something that happened to the lease of a {@link LeaseManager}. Events carry lease ids, times and
 * error codes, never a user name or a password, so they may be logged as they are.
 */
public sealed interface LeaseEvent {

	/** @return the engine of the lease */
	String engine();

	/** @return the role of the lease */
	String role();

	/** @return the lease the event is about */
	String leaseId();

	/**
	 * A lease was taken: at start-up or as the new lease of a rotation.
	 *
	 * @param engine the engine
	 * @param role the role
	 * @param leaseId the new lease
	 * @param expiresAt when it ends unless renewed
	 * @param renewable whether it may be renewed
	 */
	record Created(String engine, String role, String leaseId, Instant expiresAt, boolean renewable)
			implements LeaseEvent {

	}

	/**
	 * A lease was renewed; its credentials stay the same.
	 *
	 * @param engine the engine
	 * @param role the role
	 * @param leaseId the lease
	 * @param expiresAt when it now ends
	 */
	record Renewed(String engine, String role, String leaseId, Instant expiresAt) implements LeaseEvent {

	}

	/**
	 * The pool moved to a new lease; the old one is revoked once its connections are closed.
	 *
	 * @param engine the engine
	 * @param role the role
	 * @param leaseId the new lease
	 * @param previousLeaseId the lease it replaced
	 * @param reason why: {@code expiring}, {@code revoked}, {@code login-failed} or {@code expired}
	 */
	record Rotated(String engine, String role, String leaseId, String previousLeaseId, String reason)
			implements LeaseEvent {

	}

	/**
	 * A retired lease was revoked (or found gone) after its last connection closed, or at its end.
	 *
	 * @param engine the engine
	 * @param role the role
	 * @param leaseId the revoked lease
	 * @param openConnections how many of its connections were still open (0 unless it ended first)
	 */
	record Revoked(String engine, String role, String leaseId, int openConnections) implements LeaseEvent {

	}

	/**
	 * The lease in use ended before a new one could be taken: new connections fail until one is.
	 *
	 * @param engine the engine
	 * @param role the role
	 * @param leaseId the lease that ended
	 * @param expiredAt when it ended
	 */
	record Expired(String engine, String role, String leaseId, Instant expiredAt) implements LeaseEvent {

	}

	/**
	 * Renewing, generating or revoking failed; the manager tries again at {@code retryAt}.
	 *
	 * @param engine the engine
	 * @param role the role
	 * @param leaseId the lease concerned (the current one for a failed generation)
	 * @param operation {@code renew}, {@code generate} or {@code revoke}
	 * @param errorCode the ScaiVault error code, such as {@code connection_error}
	 * @param attempt how many attempts in a row failed
	 * @param retryAt when the next attempt is due, or {@code null} when none is
	 */
	record Failed(String engine, String role, String leaseId, String operation, String errorCode, int attempt,
			@Nullable Instant retryAt) implements LeaseEvent {

	}

}
