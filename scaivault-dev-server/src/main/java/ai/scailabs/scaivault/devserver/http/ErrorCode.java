package ai.scailabs.scaivault.devserver.http;

/**
 * The error codes of the contract (section 2), with their HTTP status.
 */
public enum ErrorCode {

	VALIDATION_ERROR("validation_error", 400),

	AUTHENTICATION_REQUIRED("authentication_required", 401),

	TOKEN_EXPIRED("token_expired", 401),

	ACCESS_DENIED("access_denied", 403),

	NOT_FOUND("not_found", 404),

	CONFLICT("conflict", 409),

	RATE_LIMITED("rate_limited", 429),

	INTERNAL_ERROR("internal_error", 500),

	SERVICE_UNAVAILABLE("service_unavailable", 503);

	private final String code;

	private final int status;

	ErrorCode(String code, int status) {
		this.code = code;
		this.status = status;
	}

	public String code() {
		return this.code;
	}

	public int status() {
		return this.status;
	}

}
