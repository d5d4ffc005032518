package ai.scailabs.scaivault.client;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Observes the client's requests, for metrics and tracing without a dependency on either. Methods
 * are called on the thread that completes the request and must be quick; exceptions they throw
 * are ignored. Events never hold secret values or tokens.
 */
public interface RequestListener {

	/** A listener that does nothing. */
	RequestListener NONE = new RequestListener() {
	};

	/**
	 * Called before the first attempt of an operation.
	 * @param operation operation name such as {@code secrets.read}
	 * @param method HTTP method
	 */
	default void onStart(String operation, String method) {
	}

	/**
	 * Called before every retry.
	 * @param operation operation name
	 * @param attempt number of the attempt about to be made (2 for the first retry)
	 * @param cause code of the failure that caused the retry
	 * @param delay how long the client waits before it
	 */
	default void onRetry(String operation, int attempt, String cause, Duration delay) {
	}

	/**
	 * Called once an operation has ended, successfully or not.
	 * @param operation operation name
	 * @param statusCode HTTP status of the last attempt, 0 when no response was received
	 * @param errorCode error code, or {@code null} on success
	 * @param attempts how many attempts were made
	 * @param duration time from start to end, retries included
	 */
	default void onEnd(String operation, int statusCode, @Nullable String errorCode, int attempts,
			Duration duration) {
	}

}
