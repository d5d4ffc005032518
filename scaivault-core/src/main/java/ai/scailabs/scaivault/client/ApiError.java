package ai.scailabs.scaivault.client;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * An error object of the contract, as it appears inside other answers (the per-path errors of a
 * batch read).
 *
 * @param code stable error code, such as {@code not_found}
 * @param message human-readable message
 * @param details structured details
 * @param requestId request id, if any
 */
public record ApiError(String code, String message, Map<String, Object> details, @Nullable String requestId) {

	public ApiError {
		details = (details != null) ? Map.copyOf(details) : Map.of();
	}

}
