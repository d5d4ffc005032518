package ai.scailabs.scaivault.client;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Raised for {@code not_found} (HTTP 404): the secret, policy, lease or other resource does not exist (or was soft-deleted).
 */
public class NotFoundException extends ScaiVaultException {

	private static final long serialVersionUID = 1L;

	public NotFoundException(String code, String message, Map<String, Object> details, @Nullable String requestId,
			int statusCode) {
		super(code, message, details, requestId, statusCode);
	}

}
