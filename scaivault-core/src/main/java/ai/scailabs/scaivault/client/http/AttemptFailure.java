package ai.scailabs.scaivault.client.http;

import java.time.Duration;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import ai.scailabs.scaivault.client.ScaiVaultException;

/**
 * A failed attempt, as the retry logic sees it: the exception the caller will get if no retry
 * follows, the server's {@code Retry-After}, and whether the server certainly did not act on the
 * request. Never leaves the transport.
 */
final class AttemptFailure extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private static final Set<String> TRANSIENT_CODES = Set.of("rate_limited", "service_unavailable",
			"internal_error", ScaiVaultException.CONNECTION_ERROR, ScaiVaultException.TIMEOUT);

	/** Statuses that are transient whatever code the body carries (a proxy's own error page, say). */
	private static final Set<Integer> TRANSIENT_STATUSES = Set.of(429, 500, 502, 503, 504);

	private final ScaiVaultException exception;

	private final @Nullable Duration retryAfter;

	private final boolean notActedOn;

	AttemptFailure(ScaiVaultException exception, @Nullable Duration retryAfter, boolean notActedOn) {
		super(exception.getCode(), null, false, false);
		this.exception = exception;
		this.retryAfter = retryAfter;
		this.notActedOn = notActedOn;
	}

	/**
	 * A failure answered by the server: 429 and 503 mean it did not act.
	 */
	static AttemptFailure answered(ScaiVaultException exception, @Nullable Duration retryAfter) {
		int status = exception.getStatusCode();
		return new AttemptFailure(exception, retryAfter, status == 429 || status == 503);
	}

	ScaiVaultException exception() {
		return this.exception;
	}

	@Nullable Duration retryAfter() {
		return this.retryAfter;
	}

	/**
	 * Whether the server certainly did not act on the request (429, 503, connection refused, or the
	 * request was never sent).
	 * @return whether the request was not acted on
	 */
	boolean notActedOn() {
		return this.notActedOn;
	}

	String code() {
		return this.exception.getCode();
	}

	/**
	 * Whether the failure is transient, and the request safe to send again. A failure is transient
	 * by its contract code or by its HTTP status, so that a 502 whose body is a proxy's own error is
	 * retried too. A non-idempotent request is retried only when the server certainly did not act on
	 * it (429, 503, connection refused).
	 * @param idempotent whether the request is idempotent
	 * @return whether a retry is allowed
	 */
	boolean retryable(boolean idempotent) {
		boolean transientFailure = TRANSIENT_CODES.contains(this.exception.getCode())
				|| TRANSIENT_STATUSES.contains(this.exception.getStatusCode());
		return transientFailure && (idempotent || this.notActedOn);
	}

}
