package ai.scailabs.scaivault.client;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Root of every error the ScaiVault client raises. Unchecked, as in Spring.
 *
 * <p>Every instance carries the five fields of the ScaiVault error body: {@link #getCode() code},
 * {@link #getMessage() message}, {@link #getDetails() details}, {@link #getRequestId() requestId}
 * and {@link #getStatusCode() statusCode}. Failures that never reached the server (connection
 * refused, timeout) use {@code statusCode} 0 and the codes {@code connection_error} or
 * {@code timeout}. Messages never contain secret values or tokens.
 */
public class ScaiVaultException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/** Code for a request that could not reach the server. */
	public static final String CONNECTION_ERROR = "connection_error";

	/** Code for a request that got no answer in time. */
	public static final String TIMEOUT = "timeout";

	/** Code for a response whose body is not the documented JSON error. */
	public static final String UNEXPECTED_RESPONSE = "unexpected_response";

	private final String code;

	private final Map<String, Object> details;

	private final @Nullable String requestId;

	private final int statusCode;

	public ScaiVaultException(String code, String message, Map<String, Object> details, @Nullable String requestId,
			int statusCode) {
		this(code, message, details, requestId, statusCode, null);
	}

	public ScaiVaultException(String code, String message, Map<String, Object> details, @Nullable String requestId,
			int statusCode, @Nullable Throwable cause) {
		super(message, cause);
		this.code = code;
		this.details = Map.copyOf(details);
		this.requestId = requestId;
		this.statusCode = statusCode;
	}

	/**
	 * Return the stable error code, such as {@code access_denied}.
	 * @return the error code
	 */
	public String getCode() {
		return this.code;
	}

	/**
	 * Return the structured details of the error, such as the path and permission.
	 * @return the details, never {@code null}
	 */
	public Map<String, Object> getDetails() {
		return this.details;
	}

	/**
	 * Return the server's request id, to quote when asking the ScaiVault team.
	 * @return the request id, or {@code null} when the request never reached the server
	 */
	public @Nullable String getRequestId() {
		return this.requestId;
	}

	/**
	 * Return the HTTP status code, or 0 when the request never reached the server.
	 * @return the status code
	 */
	public int getStatusCode() {
		return this.statusCode;
	}

	@Override
	public String toString() {
		return getClass().getName() + ": [" + this.code + "] " + getMessage()
				+ ((this.requestId != null) ? " (request " + this.requestId + ")" : "");
	}

}
