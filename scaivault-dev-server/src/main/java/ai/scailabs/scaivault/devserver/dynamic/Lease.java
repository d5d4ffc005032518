package ai.scailabs.scaivault.devserver.dynamic;

import java.time.Duration;
import java.time.Instant;

/**
 * One outstanding lease: a real database account. The password is not kept: it is handed out
 * once, when the account is created. The engine and role are the configuration the account was
 * created with, so that it is dropped the same way even if they are configured again meanwhile.
 *
 * @param id the lease id, {@code lease_...}
 * @param sequence the order of issue, for stable pagination
 * @param engine the engine
 * @param role the role
 * @param username the database account
 * @param issuedAt when the account was created
 * @param renewedAt when the current term started (issue or last renewal)
 * @param expiresAt when the lease ends unless renewed
 * @param maxExpiresAt the latest it can ever end ({@code issuedAt} plus the role's max TTL)
 * @param expiringAnnounced whether {@code lease.expiring} was published for the current term
 */
record Lease(String id, long sequence, Engine engine, Role role, String username, Instant issuedAt, Instant renewedAt,
		Instant expiresAt, Instant maxExpiresAt, boolean expiringAnnounced) {

	/** How long before expiry {@code lease.expiring} is published, at most. */
	static final Duration EXPIRING_WINDOW = Duration.ofMinutes(5);

	/** @return whether a renewal could still move the expiry */
	boolean renewable() {
		return this.expiresAt.isBefore(this.maxExpiresAt);
	}

	/**
	 * @param now the current time
	 * @return the seconds left, rounded up, at least zero
	 */
	long secondsLeft(Instant now) {
		long millis = Duration.between(now, this.expiresAt).toMillis();
		return Math.max(0, (millis + 999) / 1000);
	}

	/** @return the length of the current term in seconds: from issue or the last renewal to expiry */
	long termSeconds() {
		return Duration.between(this.renewedAt, this.expiresAt).toSeconds();
	}

	/**
	 * @param now the current time
	 * @return whether {@code lease.expiring} is due: within five minutes of expiry, or within the last
	 * fifth of the term for terms shorter than 25 minutes
	 */
	boolean expiringDue(Instant now) {
		Duration term = Duration.between(this.renewedAt, this.expiresAt);
		Duration window = term.dividedBy(5);
		if (window.compareTo(EXPIRING_WINDOW) > 0) {
			window = EXPIRING_WINDOW;
		}
		return !this.expiringAnnounced && !now.isBefore(this.expiresAt.minus(window));
	}

	/**
	 * @param now the current time
	 * @return whether the lease has ended
	 */
	boolean expired(Instant now) {
		return !now.isBefore(this.expiresAt);
	}

	Lease renewed(Instant now, Instant newExpiry) {
		return new Lease(this.id, this.sequence, this.engine, this.role, this.username, this.issuedAt, now, newExpiry,
				this.maxExpiresAt, false);
	}

	Lease announced() {
		return new Lease(this.id, this.sequence, this.engine, this.role, this.username, this.issuedAt, this.renewedAt,
				this.expiresAt, this.maxExpiresAt, true);
	}

	/** @return the resource path events and access checks use: {@code dynamic/{engine}/creds/{role}} */
	String path() {
		return "dynamic/" + this.engine.name() + "/creds/" + this.role.name();
	}

}
