package ai.scailabs.scaivault.boot.autoconfigure.refresh;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * What the refresh health shows: when the last event and the last poll came, how changes fan out to
 * other replicas, and which imported
 * paths ScaiVault reports deleted (their last values stay in place; a warning is logged once per
 * deletion).
 *
 * @author ScaiLabs
 */
final class RefreshState {

	private static final Log logger = LogFactory.getLog(RefreshState.class);

	private final Set<String> deleted = new ConcurrentSkipListSet<>();

	private volatile @Nullable Instant lastEventAt;

	private volatile @Nullable Instant lastPollAt;

	private volatile String fanOut = "none";

	void eventReceived(Instant at) {
		this.lastEventAt = at;
	}

	void polled(Instant at) {
		this.lastPollAt = at;
	}

	void deleted(String path) {
		if (this.deleted.add(path)) {
			logger.warn("ScaiVault path " + path + " was deleted; its properties keep their last values until it"
					+ " is written again");
		}
	}

	void present(String path) {
		this.deleted.remove(path);
	}

	@Nullable Instant lastEventAt() {
		return this.lastEventAt;
	}

	@Nullable Instant lastPollAt() {
		return this.lastPollAt;
	}

	/**
	 * How a change reaches the other replicas.
	 * @param mode {@code spring-cloud-bus}, {@code per-instance-subscriptions} (a webhook to every
	 * instance), or {@code none} (each replica on its own webhook or poll)
	 */
	void fanOut(String mode) {
		this.fanOut = mode;
	}

	String fanOut() {
		return this.fanOut;
	}

	Set<String> deletedPaths() {
		return new TreeSet<>(this.deleted);
	}

}
