package ai.scailabs.scaivault.devserver.dynamic;

import java.time.Duration;
import java.time.Instant;

/**
 * The result of renewing a lease.
 *
 * @param lease the lease after the renewal
 * @param renewedAt the whole second the renewal was computed at
 */
record Renewal(Lease lease, Instant renewedAt) {

	/**
	 * @return the seconds from the renewal to the lease's expiry: exact, since both are whole
	 * seconds, so that {@code lease_duration} and {@code expires_at} agree
	 */
	long leaseDuration() {
		return Math.max(0, Duration.between(this.renewedAt, this.lease.expiresAt()).toSeconds());
	}

}
