package ai.scailabs.scaivault.client.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import ai.scailabs.scaivault.client.AccessDeniedException;
import ai.scailabs.scaivault.client.AuthenticationException;
import ai.scailabs.scaivault.client.ConflictException;
import ai.scailabs.scaivault.client.NotFoundException;
import ai.scailabs.scaivault.client.RateLimitException;
import ai.scailabs.scaivault.client.ScaiVaultException;
import ai.scailabs.scaivault.client.ValidationException;

/**
 * Turns error answers into the exception of their code (contract section 2). A body that is not the
 * documented JSON error still yields an exception with the status and the request id. The body
 * itself is never copied into a message: only the server's own {@code message} field is.
 */
public final class ErrorResponses {

	/** Response header carrying the request id. */
	public static final String REQUEST_ID_HEADER = "X-Request-Id";

	private final Supplier<JsonMapper> mapper;

	private final Clock clock;

	/**
	 * Create the error mapping.
	 * @param mapper the JSON mapper
	 * @param clock the clock for {@code Retry-After} dates
	 */
	public ErrorResponses(JsonMapper mapper, Clock clock) {
		this(() -> mapper, clock);
	}

	/**
	 * Create the error mapping with a mapper obtained when the first error answer is read.
	 * @param mapper supplies the JSON mapper
	 * @param clock the clock for {@code Retry-After} dates
	 */
	public ErrorResponses(Supplier<JsonMapper> mapper, Clock clock) {
		this.mapper = mapper;
		this.clock = clock;
	}

	/**
	 * Map an error answer to its exception.
	 * @param status the HTTP status
	 * @param requestIdHeader the {@code X-Request-Id} header, if any
	 * @param retryAfterHeader the {@code Retry-After} header, if any
	 * @param body the response body
	 * @return the exception
	 */
	public ScaiVaultException toException(int status, @Nullable String requestIdHeader,
			@Nullable String retryAfterHeader, byte[] body) {
		Duration retryAfter = parseRetryAfter(retryAfterHeader);
		JsonNode error = readErrorNode(body);
		if (error == null) {
			String code = codeForStatus(status);
			String message = "ScaiVault answered HTTP " + status + " without a ScaiVault error body";
			return create(code, message, Map.of(), requestIdHeader, status, retryAfter);
		}
		if (error.isString()) {
			// OAuth 2.0 token endpoint style: {"error": "invalid_client", "error_description": "..."}
			String code = error.asString();
			JsonNode description = readTree(body).get("error_description");
			String message = (description != null && description.isString()) ? description.asString()
					: "Token endpoint answered " + code;
			if (status == 400 || status == 401 || status == 403) {
				// invalid_client, invalid_grant, unauthorized_client, invalid_scope: the credentials are wrong
				return new AuthenticationException(code, message, Map.of(), requestIdHeader, status);
			}
			return create(code, message, Map.of(), requestIdHeader, status, retryAfter);
		}
		String code = text(error, "code");
		if (code == null || code.isEmpty()) {
			code = codeForStatus(status);
		}
		String message = text(error, "message");
		if (message == null) {
			message = "ScaiVault answered HTTP " + status + " (" + code + ")";
		}
		String requestId = text(error, "request_id");
		if (requestId == null) {
			requestId = requestIdHeader;
		}
		Map<String, Object> details = Map.of();
		JsonNode detailsNode = error.get("details");
		if (detailsNode != null && detailsNode.isObject()) {
			details = nullSafe(this.mapper.get().convertValue(detailsNode, Map.class));
		}
		return create(code, message, details, requestId, status, retryAfter);
	}

	/**
	 * Create the exception for a code, choosing its type by code and else by status.
	 * @param code the error code
	 * @param message the message
	 * @param details the details
	 * @param requestId the request id
	 * @param status the HTTP status
	 * @param retryAfter the {@code Retry-After} delay
	 * @return the exception
	 */
	public static ScaiVaultException create(String code, String message, Map<String, Object> details,
			@Nullable String requestId, int status, @Nullable Duration retryAfter) {
		String kind = switch (code) {
			case "validation_error", "authentication_required", "token_expired", "access_denied", "not_found",
					"conflict", "rate_limited" ->
				code;
			default -> codeForStatus(status);
		};
		return switch (kind) {
			case "validation_error" -> new ValidationException(code, message, details, requestId, status);
			case "authentication_required", "token_expired" ->
				new AuthenticationException(code, message, details, requestId, status);
			case "access_denied" -> new AccessDeniedException(code, message, details, requestId, status);
			case "not_found" -> new NotFoundException(code, message, details, requestId, status);
			case "conflict" -> new ConflictException(code, message, details, requestId, status);
			case "rate_limited" -> new RateLimitException(code, message, details, requestId, status, retryAfter);
			default -> new ScaiVaultException(code, message, details, requestId, status);
		};
	}

	/**
	 * Return the contract's code for an HTTP status, for answers without a readable code.
	 * @param status the status
	 * @return the code
	 */
	public static String codeForStatus(int status) {
		return switch (status) {
			case 400 -> "validation_error";
			case 401 -> "authentication_required";
			case 403 -> "access_denied";
			case 404 -> "not_found";
			case 409 -> "conflict";
			case 429 -> "rate_limited";
			case 500 -> "internal_error";
			case 502, 503, 504 -> "service_unavailable";
			default -> ScaiVaultException.UNEXPECTED_RESPONSE;
		};
	}

	/**
	 * Parse a {@code Retry-After} header: delay seconds or an HTTP date.
	 * @param value the header value
	 * @return the delay, or {@code null} when absent or unreadable
	 */
	public @Nullable Duration parseRetryAfter(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String trimmed = value.trim();
		try {
			long seconds = Long.parseLong(trimmed);
			return (seconds >= 0) ? Duration.ofSeconds(seconds) : null;
		}
		catch (NumberFormatException ex) {
			try {
				Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
				Duration delay = Duration.between(this.clock.instant(), at);
				return delay.isNegative() ? Duration.ZERO : delay;
			}
			catch (DateTimeParseException dateEx) {
				return null;
			}
		}
	}

	private @Nullable JsonNode readErrorNode(byte[] body) {
		JsonNode root = readTree(body);
		if (root == null || !root.isObject()) {
			return null;
		}
		JsonNode error = root.get("error");
		if (error == null || !(error.isObject() || error.isString())) {
			return null;
		}
		return error;
	}

	private @Nullable JsonNode readTree(byte[] body) {
		if (body.length == 0) {
			return null;
		}
		try {
			return this.mapper.get().readTree(body);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value != null && value.isValueNode() && !value.isNull()) ? value.asString() : null;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> nullSafe(@Nullable Map<?, ?> map) {
		if (map == null) {
			return Map.of();
		}
		Map<String, Object> result = new LinkedHashMap<>();
		map.forEach((key, value) -> {
			if (key != null && value != null) {
				result.put(String.valueOf(key), value);
			}
		});
		return result;
	}

}
