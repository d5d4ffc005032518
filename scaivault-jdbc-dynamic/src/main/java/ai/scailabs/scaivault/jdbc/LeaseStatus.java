package ai.scailabs.scaivault.jdbc;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A snapshot of a {@link LeaseManager}, for health and metrics. It holds the user name in use but
 * never the password.
 *
 * @param state the state
 * @param engine the engine
 * @param role the role
 * @param leaseId the lease in use, or {@code null} before the first one
 * @param username the database user of that lease, or {@code null}
 * @param expiresAt when that lease ends, or {@code null}
 * @param renewable whether it can still be extended
 * @param retiredLeases leases rotated away from and not revoked yet (their connections still close)
 * @param lastError the ScaiVault error code of the last failed attempt in a row, or {@code null}
 */
public record LeaseStatus(State state, String engine, String role, @Nullable String leaseId,
		@Nullable String username, @Nullable Instant expiresAt, boolean renewable, int retiredLeases,
		@Nullable String lastError) {

	/**
	 * Return the time left on the lease in use.
	 * @param now the current time
	 * @return the time left, zero when ended or none
	 */
	public Duration remaining(Instant now) {
		if (this.expiresAt == null || !this.expiresAt.isAfter(now)) {
			return Duration.ZERO;
		}
		return Duration.between(now, this.expiresAt);
	}

	/** Where a lease manager stands. */
	public enum State {

		/** Not started yet. */
		STARTING,

		/** The lease is valid and everything went through. */
		ACTIVE,

		/** The last attempts failed, but the lease has time left before it must be replaced. */
		RETRYING,

		/** Attempts keep failing and the lease is close to its end: new connections fail soon. */
		EXPIRING,

		/** The lease ended and no new one could be taken: new connections fail. */
		EXPIRED,

		/** Closed: the pool is shut and the lease revoked. */
		CLOSED

	}

}
