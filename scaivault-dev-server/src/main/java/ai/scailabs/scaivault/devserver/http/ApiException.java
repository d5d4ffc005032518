package ai.scailabs.scaivault.devserver.http;

import java.util.Map;

/**
 * Thrown by handlers to answer with the contract's error body
 * {@code {"error": {"code", "message", "details", "request_id"}}}. Messages never hold secret
 * values.
 */
public class ApiException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final ErrorCode code;

	private final Map<String, Object> details;

	public ApiException(ErrorCode code, String message) {
		this(code, message, Map.of());
	}

	public ApiException(ErrorCode code, String message, Map<String, Object> details) {
		super(message);
		this.code = code;
		this.details = Map.copyOf(details);
	}

	public ErrorCode code() {
		return this.code;
	}

	public Map<String, Object> details() {
		return this.details;
	}

	public static ApiException validation(String message) {
		return new ApiException(ErrorCode.VALIDATION_ERROR, message);
	}

	public static ApiException validation(String message, Map<String, Object> details) {
		return new ApiException(ErrorCode.VALIDATION_ERROR, message, details);
	}

	public static ApiException notFound(String message, Map<String, Object> details) {
		return new ApiException(ErrorCode.NOT_FOUND, message, details);
	}

	public static ApiException conflict(String message, Map<String, Object> details) {
		return new ApiException(ErrorCode.CONFLICT, message, details);
	}

	public static ApiException accessDenied(String message, Map<String, Object> details) {
		return new ApiException(ErrorCode.ACCESS_DENIED, message, details);
	}

}
