package ai.scailabs.scaivault.config.data;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.function.DoubleSupplier;
import java.util.function.Function;

import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import org.apache.commons.logging.Log;
import org.jspecify.annotations.Nullable;

import ai.scailabs.scaivault.client.RateLimitException;
import ai.scailabs.scaivault.client.ScaiVaultClient;
import ai.scailabs.scaivault.client.ScaiVaultException;
import ai.scailabs.scaivault.config.ScaiVaultProperties;

/**
 * The one owner of retries for the start-up reads of a {@code scaivault:} import
 * ({@code scaivault.config.retry.*}). Each attempt is a single try of the client
 * ({@link ScaiVaultClient#singleAttempt(Duration)}), so the client's own retries do not multiply
 * these. Between attempts it waits with full jitter (a random time up to the exponential backoff,
 * after the server's {@code Retry-After} when there is one), so that a fleet restarting into an
 * overloaded server spreads out. The budget ({@code scaivault.config.retry.budget}) holds for all
 * reads of one start-up, attempts and waits included: an attempt never waits longer for its
 * answer than what is left, and no wait starts that would end after it. Every attempt and wait is
 * counted in the {@link StartupAttempts} of the start-up.
 *
 * @author ScaiLabs
 */
final class StartupRetry {

	private static final Set<String> RETRYABLE_CODES = Set.of(ScaiVaultException.CONNECTION_ERROR,
			ScaiVaultException.TIMEOUT, "service_unavailable", "internal_error", "rate_limited");

	/** Shortest time an attempt is given; below it, the budget is spent. */
	private static final Duration MIN_ATTEMPT = Duration.ofMillis(50);

	private final ScaiVaultProperties.ImportRetry settings;

	private final Duration attemptTimeout;

	private final StartupSleeper sleeper;

	private final Log log;

	private final StartupAttempts attempts;

	private final DoubleSupplier random;

	/** Built at the first failure: a start-up whose reads succeed never loads Resilience4j. */
	private @Nullable Retry retry;

	StartupRetry(ScaiVaultProperties.ImportRetry settings, Duration attemptTimeout, StartupSleeper sleeper, Log log) {
		this(settings, attemptTimeout, sleeper, log, StartupJitter.RANDOM::next);
	}

	StartupRetry(ScaiVaultProperties.ImportRetry settings, Duration attemptTimeout, StartupSleeper sleeper, Log log,
			DoubleSupplier random) {
		this(settings, attemptTimeout, sleeper, log, random, new StartupAttempts());
	}

	StartupRetry(ScaiVaultProperties.ImportRetry settings, Duration attemptTimeout, StartupSleeper sleeper, Log log,
			DoubleSupplier random, StartupAttempts attempts) {
		this.settings = settings;
		this.attempts = attempts;
		this.attemptTimeout = attemptTimeout;
		this.sleeper = sleeper;
		this.log = log;
		this.random = random;
	}

	private synchronized Retry retry() {
		if (this.retry == null) {
			this.retry = newRetry(this.settings, this.random);
		}
		return this.retry;
	}

	private static Retry newRetry(ScaiVaultProperties.ImportRetry settings, DoubleSupplier random) {
		IntervalBiFunction<Object> interval = (attempt, outcome) -> {
			Duration retryAfter = (outcome.isLeft() && outcome.getLeft() instanceof RateLimitException rateLimited)
					? rateLimited.getRetryAfter() : null;
			return delayMillis(settings, attempt, retryAfter, random.getAsDouble());
		};
		return Retry.of("scaivault-startup", RetryConfig.custom()
			.maxAttempts(Math.max(1, settings.getMaxAttempts()))
			.intervalBiFunction(interval)
			.retryOnException((ex) -> ex instanceof ScaiVaultException failure && isRetryable(failure))
			.failAfterMaxAttempts(false)
			.build());
	}

	/**
	 * Start the budget of one start-up's reads.
	 * @return the budget, measured from now
	 */
	Budget budget() {
		return new Budget(this.sleeper.now().plus(this.settings.getBudget()));
	}

	/**
	 * Call the action, retrying on transient failures within the budget.
	 * @param <T> the result type
	 * @param description what is read, for log lines (paths only)
	 * @param client the client; the action gets a single-attempt view of it
	 * @param budget the budget of this start-up
	 * @param action the call
	 * @return the result of the first successful attempt
	 * @throws ScaiVaultException the failure of the last attempt, or the first non-transient one
	 */
	<T> T call(String description, ScaiVaultClient client, Budget budget, Function<ScaiVaultClient, T> action) {
		Retry.@Nullable AsyncContext<Object> context = null;
		for (int attempt = 1;; attempt++) {
			Duration left = budget.left(this.sleeper.now());
			Duration timeout = (left.compareTo(this.attemptTimeout) < 0) ? left : this.attemptTimeout;
			try {
				T result = action.apply(client.singleAttempt(max(timeout, MIN_ATTEMPT)));
				this.attempts.recordSuccess();
				if (context != null) {
					context.onComplete();
				}
				return result;
			}
			catch (ScaiVaultException ex) {
				this.attempts.recordFailure(ex instanceof RateLimitException);
				if (context == null) {
					context = retry().asyncContext();
				}
				long delayMillis = context.onError(ex);
				if (delayMillis < 0) {
					throw ex;
				}
				Duration wait = Duration.ofMillis(delayMillis);
				Duration remaining = budget.left(this.sleeper.now());
				if (wait.plus(MIN_ATTEMPT).compareTo(remaining) > 0) {
					this.log.warn("ScaiVault could not serve " + description + " at start-up (" + describe(ex)
							+ "); giving up after attempt " + attempt + ": the start-up budget of "
							+ this.settings.getBudget().toMillis() + " ms (scaivault.config.retry.budget) is spent");
					throw ex;
				}
				this.log.info("ScaiVault could not serve " + description + " at start-up (" + describe(ex) + "); attempt "
						+ attempt + " of " + this.settings.getMaxAttempts() + " failed, retrying in " + wait.toMillis()
						+ " ms");
				this.attempts.recordRetry(wait);
				sleep(wait, ex);
			}
		}
	}

	private void sleep(Duration wait, ScaiVaultException failure) {
		try {
			this.sleeper.sleep(wait);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw failure;
		}
	}

	private static String describe(ScaiVaultException ex) {
		return ex.getCode() + ((ex.getRequestId() != null) ? ", request id " + ex.getRequestId() : "");
	}

	static boolean isRetryable(ScaiVaultException ex) {
		return RETRYABLE_CODES.contains(ex.getCode()) || ex.getStatusCode() >= 500;
	}

	/**
	 * Full jitter: a random delay up to the exponential backoff of this attempt, capped at
	 * {@code max-interval}, after the server's {@code Retry-After} when it named one.
	 * @param settings the settings
	 * @param attempt attempts made so far (1 before the first retry)
	 * @param retryAfter the server's {@code Retry-After}, or {@code null}
	 * @param random a random number in [0, 1)
	 * @return the delay in milliseconds
	 */
	static long delayMillis(ScaiVaultProperties.ImportRetry settings, int attempt, @Nullable Duration retryAfter,
			double random) {
		double backoff = settings.getInitialInterval().toMillis()
				* Math.pow(Math.max(1.0, settings.getMultiplier()), Math.max(0, attempt - 1));
		double capped = Math.min(backoff, settings.getMaxInterval().toMillis());
		long jitter = (long) (capped * random);
		return (retryAfter != null) ? retryAfter.toMillis() + jitter : jitter;
	}

	private static Duration max(Duration a, Duration b) {
		return (a.compareTo(b) >= 0) ? a : b;
	}

	/**
	 * The end of one start-up's budget.
	 *
	 * @param deadline when the budget is spent
	 */
	record Budget(Instant deadline) {

		Duration left(Instant now) {
			Duration left = Duration.between(now, this.deadline);
			return left.isNegative() ? Duration.ZERO : left;
		}

	}

}
