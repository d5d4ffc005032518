package ai.scailabs.scaivault.client;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Raised for {@code authentication_required} and {@code token_expired} (HTTP 401): the token is missing, invalid or expired. Never retried, except once after a token refresh in client-credentials mode.
 */
public class AuthenticationException extends ScaiVaultException {

	private static final long serialVersionUID = 1L;

	public AuthenticationException(String code, String message, Map<String, Object> details, @Nullable String requestId,
			int statusCode) {
		super(code, message, details, requestId, statusCode);
	}

}
