package ai.scailabs.scaivault.jdbc;

import ai.scailabs.scaivault.client.ScaiVaultException;

/**
 * Raised when dynamic database credentials cannot be leased: the engine or role is unknown, the
 * caller may not use it, or ScaiVault cannot be reached. The message names the engine and role and
 * the ScaiVault error code, never a credential.
 */
public class DynamicCredentialsException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String engine;

	private final String role;

	private final String errorCode;

	/**
	 * @param engine the engine
	 * @param role the role
	 * @param cause the ScaiVault failure
	 */
	public DynamicCredentialsException(String engine, String role, ScaiVaultException cause) {
		super("Could not lease database credentials of role '" + role + "' on dynamic engine '" + engine + "': ["
				+ cause.getCode() + "] " + cause.getMessage(), cause);
		this.engine = engine;
		this.role = role;
		this.errorCode = cause.getCode();
	}

	/**
	 * @param engine the engine, or an empty string when not set
	 * @param role the role, or an empty string when not set
	 * @param errorCode a code for what is wrong, such as {@code invalid_configuration}
	 * @param message what is wrong and what to do
	 */
	public DynamicCredentialsException(String engine, String role, String errorCode, String message) {
		super(message);
		this.engine = engine;
		this.role = role;
		this.errorCode = errorCode;
	}

	/** Code of a configuration that names no engine or role, or has a bad threshold. */
	public static final String INVALID_CONFIGURATION = "invalid_configuration";

	/** @return the engine */
	public String getEngine() {
		return this.engine;
	}

	/** @return the role */
	public String getRole() {
		return this.role;
	}

	/** @return the ScaiVault error code, such as {@code not_found} or {@code connection_error} */
	public String getErrorCode() {
		return this.errorCode;
	}

}
