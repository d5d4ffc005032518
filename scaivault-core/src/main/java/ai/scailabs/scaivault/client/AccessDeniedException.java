package ai.scailabs.scaivault.client;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Raised for {@code access_denied} (HTTP 403): no policy bound to the caller allows the action. {@link #getDetails()} names the path and permission. Never retried.
 */
public class AccessDeniedException extends ScaiVaultException {

	private static final long serialVersionUID = 1L;

	public AccessDeniedException(String code, String message, Map<String, Object> details, @Nullable String requestId,
			int statusCode) {
		super(code, message, details, requestId, statusCode);
	}

}
