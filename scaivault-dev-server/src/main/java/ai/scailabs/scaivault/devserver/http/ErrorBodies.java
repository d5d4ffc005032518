package ai.scailabs.scaivault.devserver.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the contract's error body {@code {"error": {"code", "message", "details", "request_id"}}}.
 */
public final class ErrorBodies {

	private ErrorBodies() {
	}

	/**
	 * @param code the error code
	 * @param message the message (never a secret value)
	 * @param details the details
	 * @param requestId the request id
	 * @param headers extra headers (such as {@code Retry-After})
	 * @return the error response
	 */
	public static ApiResponse response(ErrorCode code, String message, Map<String, Object> details, String requestId,
			Map<String, String> headers) {
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("code", code.code());
		error.put("message", message);
		error.put("details", details);
		error.put("request_id", requestId);
		return new ApiResponse(code.status(), Map.of("error", error), headers);
	}

	/**
	 * @param ex the exception
	 * @param requestId the request id
	 * @return the error response
	 */
	public static ApiResponse response(ApiException ex, String requestId) {
		return response(ex.code(), String.valueOf(ex.getMessage()), ex.details(), requestId, Map.of());
	}

}
