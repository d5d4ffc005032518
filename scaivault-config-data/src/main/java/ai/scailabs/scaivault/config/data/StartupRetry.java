package ai.scailabs.scaivault.config.data;

import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;

import ai.scailabs.scaivault.client.ScaiVaultException;
import ai.scailabs.scaivault.config.ScaiVaultProperties;

/**
 * Retries a start-up read while ScaiVault is unreachable or unavailable, with exponential backoff
 * ({@code scaivault.config.retry.*}). This comes on top of the client's own retries of each call.
 *
 * @author ScaiLabs
 */
final class StartupRetry {

	private static final Set<String> RETRYABLE_CODES = Set.of(ScaiVaultException.CONNECTION_ERROR,
			ScaiVaultException.TIMEOUT, "service_unavailable", "internal_error", "rate_limited");

	private final ScaiVaultProperties.ImportRetry settings;

	private final StartupSleeper sleeper;

	private final Log log;

	StartupRetry(ScaiVaultProperties.ImportRetry settings, StartupSleeper sleeper, Log log) {
		this.settings = settings;
		this.sleeper = sleeper;
		this.log = log;
	}

	/**
	 * Call the action, retrying on transient failures.
	 * @param <T> the result type
	 * @param description what is read, for log lines (paths only)
	 * @param action the call
	 * @return the result of the first successful attempt
	 * @throws ScaiVaultException the failure of the last attempt, or the first non-transient one
	 */
	<T> T call(String description, Supplier<T> action) {
		int maxAttempts = Math.max(1, this.settings.getMaxAttempts());
		Duration delay = this.settings.getInitialInterval();
		for (int attempt = 1;; attempt++) {
			try {
				return action.get();
			}
			catch (ScaiVaultException ex) {
				if (attempt >= maxAttempts || !isRetryable(ex)) {
					throw ex;
				}
				Duration wait = min(delay, this.settings.getMaxInterval());
				this.log.info("ScaiVault could not serve " + description + " at start-up (" + ex.getCode()
						+ ((ex.getRequestId() != null) ? ", request id " + ex.getRequestId() : "") + "); attempt "
						+ attempt + " of " + maxAttempts + " failed, retrying in " + wait.toMillis() + " ms");
				sleep(wait, ex);
				delay = multiply(delay, this.settings.getMultiplier());
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

	static boolean isRetryable(ScaiVaultException ex) {
		return RETRYABLE_CODES.contains(ex.getCode()) || ex.getStatusCode() >= 500;
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

	private static Duration multiply(Duration duration, double multiplier) {
		double millis = duration.toMillis() * Math.max(1.0, multiplier);
		return Duration.ofMillis((long) Math.min(millis, Long.MAX_VALUE / 2.0));
	}

}
