package ai.scailabs.scaivault.boot.autoconfigure.metrics;

import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;

import ai.scailabs.scaivault.config.data.StartupAttempts;

/**
 * Publishes the start-up attempts of the {@code scaivault:} import, which were counted at
 * bootstrap before any registry existed.
 *
 * <ul>
 * <li>{@value #ATTEMPTS}: attempts by {@code outcome}: {@code success}, {@code rate_limited}
 * ({@code 429}) or {@code error} (unreachable, unavailable, denied, ...).</li>
 * <li>{@value #RETRIES}: attempts retried after a wait.</li>
 * <li>{@value #WAIT}: the time spent waiting between attempts.</li>
 * </ul>
 *
 * Tags hold outcomes only: never a path or a value.
 */
public class StartupAttemptsMeterBinder implements MeterBinder {

	/** Name of the attempt counter. */
	public static final String ATTEMPTS = "scaivault.config.startup.attempts";

	/** Name of the retry counter. */
	public static final String RETRIES = "scaivault.config.startup.retries";

	/** Name of the waiting-time gauge. */
	public static final String WAIT = "scaivault.config.startup.wait";

	private final StartupAttempts attempts;

	/**
	 * Create a binder of the given attempts.
	 * @param attempts the import's attempts
	 */
	public StartupAttemptsMeterBinder(StartupAttempts attempts) {
		this.attempts = attempts;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		attempts(registry, "success", StartupAttempts::getSuccessful);
		attempts(registry, "rate_limited", StartupAttempts::getRateLimited);
		attempts(registry, "error", StartupAttempts::getFailed);
		FunctionCounter.builder(RETRIES, this.attempts, StartupAttempts::getRetries)
			.description("Start-up attempts of the ScaiVault import retried after a wait")
			.register(registry);
		TimeGauge.builder(WAIT, this.attempts, TimeUnit.MILLISECONDS, (a) -> a.getWaitTime().toMillis())
			.description("Time the ScaiVault import waited between start-up attempts")
			.register(registry);
	}

	private void attempts(MeterRegistry registry, String outcome, ToDoubleFunction<StartupAttempts> count) {
		FunctionCounter.builder(ATTEMPTS, this.attempts, count)
			.description("Start-up attempts of the ScaiVault import")
			.tag("outcome", outcome)
			.register(registry);
	}

}
