package ai.scailabs.scaivault.boot.autoconfigure.refresh.bus;

/**
 * What the bus fan-out reports to metrics. {@link #NONE} without Micrometer.
 *
 * @author ScaiLabs
 */
public interface BusFanOutMetrics {

	/** Reports nothing. */
	BusFanOutMetrics NONE = (stage) -> {
	};

	/**
	 * A bus event reached a stage.
	 * @param stage {@code sent} (this replica broadcast a webhook), {@code received} (from another
	 * replica) or {@code applied} (its re-read brought new values)
	 */
	void event(String stage);

}
