package ai.scailabs.scaivault.jdbc;

import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What to lease and when to act on it. Times are fractions of the lease's current term (from when
 * it was issued or last renewed to when it ends), so that they suit a lease of seconds as well as
 * one of hours.
 *
 * @param engine the dynamic secret engine, such as {@code support-db}
 * @param role the role of the engine, such as {@code readonly}
 * @param ttl the lease lifetime to ask for (and the renewal increment), or {@code null} for the
 * role's default
 * @param renewAt the fraction of the term after which a renewable lease is renewed (default 2/3)
 * @param rotateAt the fraction of the term after which a lease that can no longer be extended
 * (not renewable, or at the role's {@code max_ttl}) is replaced by a new one (default 3/4); must
 * leave the old lease's busy connections time to be returned before it ends
 * @param retireWithin the fraction of the old lease's remaining life within which, after a
 * rotation, the pool replaces the old lease's connections one at a time (default 1/2); {@code 0}
 * evicts them all at once (idle ones at once, busy ones when returned). The connections of a lease
 * that was revoked or has ended always go at once
 * @param initialBackoff the first wait before trying again when ScaiVault cannot be reached
 * (doubling up to {@code maxBackoff})
 * @param maxBackoff the longest wait between two attempts
 */
public record LeasePolicy(String engine, String role, @Nullable Duration ttl, double renewAt, double rotateAt,
		double retireWithin, Duration initialBackoff, Duration maxBackoff) {

	/** Default {@link #renewAt()}. */
	public static final double DEFAULT_RENEW_AT = 2.0 / 3.0;

	/** Default {@link #rotateAt()}. */
	public static final double DEFAULT_ROTATE_AT = 0.75;

	/** Default {@link #retireWithin()}. */
	public static final double DEFAULT_RETIRE_WITHIN = 0.5;

	/** Default {@link #initialBackoff()}. */
	public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(500);

	/** Default {@link #maxBackoff()}. */
	public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(30);

	public LeasePolicy {
		Objects.requireNonNull(engine, "engine must not be null");
		Objects.requireNonNull(role, "role must not be null");
		Objects.requireNonNull(initialBackoff, "initialBackoff must not be null");
		Objects.requireNonNull(maxBackoff, "maxBackoff must not be null");
		if (engine.isBlank() || role.isBlank()) {
			throw new IllegalArgumentException("Give the engine and the role of the dynamic credentials, such as "
					+ "scaivault.datasource.engine=support-db and scaivault.datasource.role=readonly");
		}
		if (ttl != null && (ttl.isNegative() || ttl.isZero())) {
			throw new IllegalArgumentException("The lease ttl must be positive, not " + ttl);
		}
		requireFraction("renewAt", renewAt);
		requireFraction("rotateAt", rotateAt);
		if (!(retireWithin >= 0.0 && retireWithin < 1.0)) {
			throw new IllegalArgumentException("retireWithin is a fraction of the old lease's remaining life, from 0 "
					+ "(all connections at once) up to 1 (exclusive), not " + retireWithin);
		}
		if (initialBackoff.isNegative() || initialBackoff.isZero() || maxBackoff.compareTo(initialBackoff) < 0) {
			throw new IllegalArgumentException("The backoff must be positive and maxBackoff (" + maxBackoff
					+ ") at least initialBackoff (" + initialBackoff + ")");
		}
	}

	/**
	 * Return a policy with the default thresholds.
	 * @param engine the engine
	 * @param role the role
	 * @param ttl the lease lifetime, or {@code null} for the role's default
	 * @return the policy
	 */
	public static LeasePolicy of(String engine, String role, @Nullable Duration ttl) {
		return new LeasePolicy(engine, role, ttl, DEFAULT_RENEW_AT, DEFAULT_ROTATE_AT, DEFAULT_RETIRE_WITHIN,
				DEFAULT_INITIAL_BACKOFF, DEFAULT_MAX_BACKOFF);
	}

	private static void requireFraction(String name, double value) {
		if (!(value > 0.0 && value < 1.0)) {
			throw new IllegalArgumentException(name + " is a fraction of the lease's term, between 0 and 1 "
					+ "(exclusive), not " + value);
		}
	}

}
