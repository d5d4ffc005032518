package ai.scailabs.scaivault.client;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Raised for {@code validation_error} (HTTP 400), and by the client itself for bad input before any request is sent. Never retried.
 */
public class ValidationException extends ScaiVaultException {

	private static final long serialVersionUID = 1L;

	public ValidationException(String code, String message, Map<String, Object> details, @Nullable String requestId,
			int statusCode) {
		super(code, message, details, requestId, statusCode);
	}

}
