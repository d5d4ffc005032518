package ai.scailabs.scaivault.jdbc.autoconfigure;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import ai.scailabs.scaivault.jdbc.LeaseEvent;
import ai.scailabs.scaivault.jdbc.LeaseManager;

/**
 * Micrometer meters of the pool's lease, tagged with engine and role: the gauge
 * {@value #REMAINING} (seconds left on the lease in use), and the counters {@value #ROTATIONS}
 * (tagged with the reason) and {@value #FAILURES} (tagged with the operation).
 */
public class LeaseMetrics implements MeterBinder, Consumer<LeaseEvent> {

	/** Seconds left on the lease in use. */
	public static final String REMAINING = "scaivault.datasource.lease.remaining";

	/** Rotations to a new lease. */
	public static final String ROTATIONS = "scaivault.datasource.lease.rotations";

	/** Failed renewals, generations and revocations. */
	public static final String FAILURES = "scaivault.datasource.lease.failures";

	private final LeaseManager manager;

	private final Clock clock;

	private final List<MeterRegistry> registries = new CopyOnWriteArrayList<>();

	/**
	 * @param manager the lease manager
	 * @param clock the clock
	 */
	public LeaseMetrics(LeaseManager manager, Clock clock) {
		this.manager = manager;
		this.clock = clock;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder(REMAINING, this.manager,
				(manager) -> manager.status().remaining(this.clock.instant()).toMillis() / 1000.0)
			.description("Seconds left on the lease the pool logs in with")
			.baseUnit("seconds")
			.tags("engine", this.manager.policy().engine(), "role", this.manager.policy().role())
			.register(registry);
		this.registries.add(registry);
	}

	@Override
	public void accept(LeaseEvent event) {
		if (event instanceof LeaseEvent.Rotated rotated) {
			count(ROTATIONS, "Rotations of the pool to a new lease", "reason", rotated.reason());
		}
		else if (event instanceof LeaseEvent.Failed failed) {
			count(FAILURES, "Failed lease renewals, generations and revocations", "operation", failed.operation());
		}
	}

	private void count(String name, String description, String tag, String value) {
		for (MeterRegistry registry : this.registries) {
			Counter.builder(name)
				.description(description)
				.tags("engine", this.manager.policy().engine(), "role", this.manager.policy().role(), tag, value)
				.register(registry)
				.increment();
		}
	}

}
