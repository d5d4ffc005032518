package ai.scailabs.scaivault.client.http;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;

/**
 * The retry policies of the transport, on Resilience4j: transient failures (contract section 2)
 * are retried up to {@code maxRetries} times with exponential backoff and jitter, or after the
 * server's {@code Retry-After}. Non-idempotent requests are retried only when the server certainly
 * did not act on them.
 */
final class Retries {

	/** Jitter: each computed delay is spread over +/- this fraction. */
	private static final double JITTER = 0.5;

	private final Retry idempotent;

	private final Retry nonIdempotent;

	private final Retry none;

	Retries(TransportSettings settings) {
		this(settings, () -> ThreadLocalRandom.current().nextDouble());
	}

	Retries(TransportSettings settings, DoubleSupplier random) {
		this.idempotent = Retry.of("scaivault-idempotent", config(settings, true, random));
		this.nonIdempotent = Retry.of("scaivault-non-idempotent", config(settings, false, random));
		this.none = Retry.of("scaivault-no-retry", RetryConfig.custom().maxAttempts(1).build());
	}

	Retry forRequest(boolean idempotent, boolean retry) {
		if (!retry) {
			return this.none;
		}
		return idempotent ? this.idempotent : this.nonIdempotent;
	}

	private static RetryConfig config(TransportSettings settings, boolean idempotent, DoubleSupplier random) {
		Duration maxBackoff = settings.maxBackoff();
		IntervalBiFunction<Object> interval = (attempt, outcome) -> {
			if (outcome.isLeft() && outcome.getLeft() instanceof AttemptFailure failure
					&& failure.retryAfter() != null) {
				return failure.retryAfter().toMillis();
			}
			return backoff(settings, attempt, random.getAsDouble());
		};
		return RetryConfig.custom()
			.maxAttempts(settings.maxRetries() + 1)
			.intervalBiFunction(interval)
			.retryOnException((ex) -> ex instanceof AttemptFailure failure && failure.retryable(idempotent)
					&& (failure.retryAfter() == null || failure.retryAfter().compareTo(maxBackoff) <= 0))
			.failAfterMaxAttempts(false)
			.build();
	}

	/**
	 * Exponential backoff with jitter.
	 * @param settings the settings
	 * @param attempt number of attempts made so far (1 before the first retry)
	 * @param random a random number in [0, 1)
	 * @return the delay in milliseconds
	 */
	static long backoff(TransportSettings settings, int attempt, double random) {
		double base = settings.initialBackoff().toMillis()
				* Math.pow(settings.backoffMultiplier(), Math.max(0, attempt - 1));
		double jittered = base * (1 - JITTER + 2 * JITTER * random);
		return (long) Math.min(jittered, settings.maxBackoff().toMillis());
	}

}
