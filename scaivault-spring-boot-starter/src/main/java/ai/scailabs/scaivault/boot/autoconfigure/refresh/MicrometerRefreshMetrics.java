package ai.scailabs.scaivault.boot.autoconfigure.refresh;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * {@link RefreshMetrics} in a {@link MeterRegistry}. Tags hold outcomes and error codes only, never
 * a path or a value.
 * <ul>
 * <li>{@value #EVENTS}: events by {@code outcome} (applied, stale, replayed, rejected, ignored,
 * failed);</li>
 * <li>{@value #LATENCY}: from the event's {@code occurred_at} to the beans being rebound;</li>
 * <li>{@value #POLL_REQUESTS}: batch requests of the polling fallback by {@code outcome}.</li>
 * </ul>
 *
 * @author ScaiLabs
 */
final class MicrometerRefreshMetrics implements RefreshMetrics {

	static final String EVENTS = "scaivault.refresh.events";

	static final String LATENCY = "scaivault.refresh.latency";

	static final String POLL_REQUESTS = "scaivault.refresh.poll.requests";

	private final MeterRegistry registry;

	MicrometerRefreshMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void event(RefreshOutcome outcome) {
		Counter.builder(EVENTS)
			.description("ScaiVault webhook events by outcome")
			.tag("outcome", outcome.tag())
			.register(this.registry)
			.increment();
	}

	@Override
	public void applied(Duration latency) {
		Timer.builder(LATENCY)
			.description("From a secret's change in ScaiVault to the application's beans being rebound")
			.register(this.registry)
			.record(latency.isNegative() ? Duration.ZERO : latency);
	}

	@Override
	public void pollRequest(String outcome) {
		Counter.builder(POLL_REQUESTS)
			.description("Batch requests of the ScaiVault polling fallback")
			.tag("outcome", outcome)
			.register(this.registry)
			.increment();
	}

}
