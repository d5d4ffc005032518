package ai.scailabs.scaivault.boot.autoconfigure.metrics;

import java.time.Duration;

import ai.scailabs.scaivault.client.RequestListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;

/**
 * {@link RequestListener} that records the client's requests in a {@link MeterRegistry}.
 *
 * <ul>
 * <li>{@value #REQUESTS}: a timer per operation and outcome ({@code success} or the error code,
 * such as {@code not_found}), covering retries.</li>
 * <li>{@value #RETRIES}: a counter per operation, one increment per retry.</li>
 * </ul>
 *
 * Tags hold operation names and error codes only: never a path, a value or a token.
 */
public class MeterRegistryRequestListener implements RequestListener {

	/** Name of the request timer. */
	public static final String REQUESTS = "scaivault.client.requests";

	/** Name of the retry counter. */
	public static final String RETRIES = "scaivault.client.retries";

	/** Outcome tag value of an operation that succeeded. */
	public static final String SUCCESS = "success";

	private final MeterRegistry registry;

	/**
	 * Create a listener that records into the given registry.
	 * @param registry the registry
	 */
	public MeterRegistryRequestListener(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void onRetry(String operation, int attempt, String cause, Duration delay) {
		Counter.builder(RETRIES)
			.description("Retries of ScaiVault client operations")
			.tag("operation", operation)
			.register(this.registry)
			.increment();
	}

	@Override
	public void onEnd(String operation, int statusCode, @Nullable String errorCode, int attempts,
			Duration duration) {
		Timer.builder(REQUESTS)
			.description("ScaiVault client operations, retries included")
			.tag("operation", operation)
			.tag("outcome", (errorCode != null) ? errorCode : SUCCESS)
			.register(this.registry)
			.record(duration);
	}

}
