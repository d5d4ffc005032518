package ai.scailabs.scaivault.boot.autoconfigure.refresh;

import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers the ids of accepted events until they could no longer pass the staleness check, so
 * that a delivery seen before is rejected as a replay. Only verified deliveries get here, so only
 * ScaiVault can fill it; it keeps at most {@value #CAPACITY} ids all the same.
 *
 * @author ScaiLabs
 */
final class ReplayGuard {

	static final int CAPACITY = 100_000;

	private final Map<String, Instant> seen = new LinkedHashMap<>();

	/**
	 * Remember an id unless it was seen before.
	 * @param id the event id
	 * @param now the current time
	 * @param forgetAt when the id may be forgotten (its event would be stale by then)
	 * @return {@code true} the first time an id is seen
	 */
	synchronized boolean firstSeen(String id, Instant now, Instant forgetAt) {
		Iterator<Instant> expiries = this.seen.values().iterator();
		while (expiries.hasNext()) {
			Instant expiry = expiries.next();
			if (expiry.isAfter(now) && this.seen.size() <= CAPACITY) {
				break;
			}
			expiries.remove();
		}
		if (this.seen.containsKey(id)) {
			return false;
		}
		this.seen.put(id, forgetAt);
		return true;
	}

	/**
	 * Forget an id, so that ScaiVault's retry of a delivery that could not be taken is accepted.
	 * @param id the event id
	 */
	synchronized void forget(String id) {
		this.seen.remove(id);
	}

}
