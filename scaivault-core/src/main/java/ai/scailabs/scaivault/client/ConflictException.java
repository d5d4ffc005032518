package ai.scailabs.scaivault.client;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Raised for {@code conflict} (HTTP 409): a check-and-set version did not match, or the resource is in the wrong state (an unapproved CSR).
 */
public class ConflictException extends ScaiVaultException {

	private static final long serialVersionUID = 1L;

	public ConflictException(String code, String message, Map<String, Object> details, @Nullable String requestId,
			int statusCode) {
		super(code, message, details, requestId, statusCode);
	}

}
