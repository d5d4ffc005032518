package ai.scailabs.scaivault.boot.autoconfigure.refresh.bus;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@link BusFanOutMetrics} in a {@link MeterRegistry}: {@value #EVENTS} by {@code stage} (sent,
 * received, applied). No path, no value.
 *
 * @author ScaiLabs
 */
public final class MicrometerBusFanOutMetrics implements BusFanOutMetrics {

	/** The counter's name. */
	public static final String EVENTS = "scaivault.refresh.bus.events";

	private final MeterRegistry registry;

	/**
	 * Report to a registry.
	 * @param registry the registry
	 */
	public MicrometerBusFanOutMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void event(String stage) {
		Counter.builder(EVENTS)
			.description("ScaiVault secret changes fanned out over Spring Cloud Bus, by stage")
			.tag("stage", stage)
			.register(this.registry)
			.increment();
	}

}
