package ai.scailabs.scaivault.client;

import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Raised for {@code rate_limited} (HTTP 429) once the client's retries are spent.
 * {@link #getRetryAfter()} holds the server's {@code Retry-After}.
 */
public class RateLimitException extends ScaiVaultException {

	private static final long serialVersionUID = 1L;

	private final @Nullable Duration retryAfter;

	public RateLimitException(String code, String message, Map<String, Object> details, @Nullable String requestId,
			int statusCode, @Nullable Duration retryAfter) {
		super(code, message, details, requestId, statusCode);
		this.retryAfter = retryAfter;
	}

	/**
	 * Return how long the server asked the caller to wait.
	 * @return the {@code Retry-After} delay, or {@code null} when the server gave none
	 */
	public @Nullable Duration getRetryAfter() {
		return this.retryAfter;
	}

}
