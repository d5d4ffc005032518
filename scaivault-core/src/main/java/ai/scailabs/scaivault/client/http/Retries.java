package ai.scailabs.scaivault.client.http;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import org.jspecify.annotations.Nullable;

/**
 * The retry policies of the transport, on Resilience4j: transient failures (contract section 2)
 * are retried up to {@code maxRetries} times with exponential backoff and jitter, or after the
 * server's {@code Retry-After} plus full jitter. Non-idempotent requests are retried only when the server certainly
 * did not act on them.
 */
final class Retries {

	/** Jitter: each computed delay is spread over +/- this fraction. */
	private static final double JITTER = 0.5;

	private final TransportSettings settings;

	private final DoubleSupplier random;

	// Built at the first failure that needs them: a client whose calls succeed never loads Resilience4j.
	private volatile @Nullable Retry idempotent;

	private volatile @Nullable Retry nonIdempotent;

	private volatile @Nullable Retry none;

	Retries(TransportSettings settings) {
		this(settings, () -> ThreadLocalRandom.current().nextDouble());
	}

	Retries(TransportSettings settings, DoubleSupplier random) {
		this.settings = settings;
		this.random = random;
	}

	Retry forRequest(boolean idempotent, boolean retry) {
		if (!retry) {
			Retry current = this.none;
			if (current == null) {
				current = Retry.of("scaivault-no-retry", RetryConfig.custom().maxAttempts(1).build());
				this.none = current;
			}
			return current;
		}
		if (idempotent) {
			Retry current = this.idempotent;
			if (current == null) {
				current = Retry.of("scaivault-idempotent", config(this.settings, true, this.random));
				this.idempotent = current;
			}
			return current;
		}
		Retry current = this.nonIdempotent;
		if (current == null) {
			current = Retry.of("scaivault-non-idempotent", config(this.settings, false, this.random));
			this.nonIdempotent = current;
		}
		return current;
	}

	private static RetryConfig config(TransportSettings settings, boolean idempotent, DoubleSupplier random) {
		Duration maxBackoff = settings.maxBackoff();
		IntervalBiFunction<Object> interval = (attempt, outcome) -> {
			if (outcome.isLeft() && outcome.getLeft() instanceof AttemptFailure failure
					&& failure.retryAfter() != null) {
				return failure.retryAfter().toMillis() + fullJitter(settings, attempt, random.getAsDouble());
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
	 * Full jitter added after the server's {@code Retry-After}: a random delay up to this attempt's
	 * exponential backoff (capped at {@code maxBackoff}), so that clients refused at the same moment
	 * (a fleet restarting, replicas polling) do not all come back at the same moment.
	 * @param settings the settings
	 * @param attempt number of attempts made so far (1 before the first retry)
	 * @param random a random number in [0, 1)
	 * @return the extra delay in milliseconds
	 */
	static long fullJitter(TransportSettings settings, int attempt, double random) {
		return (long) (Math.min(exponential(settings, attempt), settings.maxBackoff().toMillis()) * random);
	}

	/**
	 * Exponential backoff with jitter.
	 * @param settings the settings
	 * @param attempt number of attempts made so far (1 before the first retry)
	 * @param random a random number in [0, 1)
	 * @return the delay in milliseconds
	 */
	static long backoff(TransportSettings settings, int attempt, double random) {
		double jittered = exponential(settings, attempt) * (1 - JITTER + 2 * JITTER * random);
		return (long) Math.min(jittered, settings.maxBackoff().toMillis());
	}

	private static double exponential(TransportSettings settings, int attempt) {
		return settings.initialBackoff().toMillis() * Math.pow(settings.backoffMultiplier(), Math.max(0, attempt - 1));
	}

}
