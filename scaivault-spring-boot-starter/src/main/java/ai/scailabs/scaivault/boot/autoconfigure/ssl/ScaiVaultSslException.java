package ai.scailabs.scaivault.boot.autoconfigure.ssl;

import java.util.Map;

import ai.scailabs.scaivault.client.ScaiVaultException;
import org.jspecify.annotations.Nullable;

/**
 * A ScaiVault SSL bundle could not be configured or issued. The message says which bundle and why;
 * {@link #getAction()} says what to do. Never holds key material.
 */
public class ScaiVaultSslException extends ScaiVaultException {

	private static final long serialVersionUID = 1L;

	/** Code of a bundle whose properties are wrong. */
	public static final String INVALID_CONFIGURATION = "ssl_bundle_invalid";

	/** Code of a certificate that could not be issued. */
	public static final String ISSUE_FAILED = "certificate_issue_failed";

	private final String bundle;

	private final String action;

	ScaiVaultSslException(String code, String bundle, String message, String action, @Nullable Throwable cause) {
		super(code, message, Map.of("bundle", bundle), null, 0, cause);
		this.bundle = bundle;
		this.action = action;
	}

	static ScaiVaultSslException invalid(String bundle, String message, String action) {
		return new ScaiVaultSslException(INVALID_CONFIGURATION, bundle, message, action, null);
	}

	static ScaiVaultSslException issueFailed(String bundle, String message, String action,
			@Nullable Throwable cause) {
		return new ScaiVaultSslException(ISSUE_FAILED, bundle, message, action, cause);
	}

	/**
	 * Return the name of the bundle.
	 * @return the bundle name
	 */
	public String getBundle() {
		return this.bundle;
	}

	/**
	 * Return what to do about it.
	 * @return the action
	 */
	public String getAction() {
		return this.action;
	}

}
