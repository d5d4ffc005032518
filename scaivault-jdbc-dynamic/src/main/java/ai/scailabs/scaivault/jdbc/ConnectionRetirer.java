package ai.scailabs.scaivault.jdbc;

import java.time.Instant;

/**
 * What a pool does with the connections of the leases its {@link LeaseManager} rotated away from
 * ({@link LeaseManager#onRotation(ConnectionRetirer)}): close them all by a deadline, at once or
 * spread out, so that the pool never logs in again all at the same time.
 */
public interface ConnectionRetirer {

	/**
	 * The manager is moving to a new lease. Called in the rotating thread, before the old lease
	 * counts as retired, so it must only record the times.
	 * @param spreadUntil until when to spread the replacement of the retired leases' connections,
	 * one at a time
	 * @param closeBy when every connection of the retired leases must be closed, however many are
	 * left; the current instant when they must go at once (the old lease was revoked or has ended)
	 */
	void retire(Instant spreadUntil, Instant closeBy);

	/**
	 * Close what is due. Called on the manager's scheduler thread after each rotation and on every
	 * tick.
	 */
	void step();

}
