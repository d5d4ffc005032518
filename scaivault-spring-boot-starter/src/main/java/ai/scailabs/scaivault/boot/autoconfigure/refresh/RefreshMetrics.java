package ai.scailabs.scaivault.boot.autoconfigure.refresh;

import java.time.Duration;

/**
 * What live rotation reports to metrics. {@link #NONE} without Micrometer.
 *
 * @author ScaiLabs
 */
interface RefreshMetrics {

	/** Reports nothing. */
	RefreshMetrics NONE = new RefreshMetrics() {
	};

	/**
	 * An event (or a delivery) had the given outcome.
	 * @param outcome the outcome
	 */
	default void event(RefreshOutcome outcome) {
	}

	/**
	 * New values were applied this long after ScaiVault's {@code occurred_at}.
	 * @param latency from the rotation to the rebinding
	 */
	default void applied(Duration latency) {
	}

	/**
	 * A poll sent a batch request.
	 * @param outcome {@code success} or the error code
	 */
	default void pollRequest(String outcome) {
	}

}
