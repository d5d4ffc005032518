package ai.scailabs.scaivault.devserver.http;

import java.util.Map;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

/**
 * What a handler answers: a status, a body that the server writes as JSON (a Jackson
 * {@code JsonNode}, a {@code Map} or a record with snake_case accessors), and extra headers.
 * {@link #toString()} never shows the body (it may hold secret data, tokens, passwords or private
 * keys) nor header values: only the status, the body's type and the header names.
 *
 * @param status HTTP status
 * @param body body to write as JSON, or {@code null} for none
 * @param headers extra response headers
 */
public record ApiResponse(int status, @Nullable Object body, Map<String, String> headers) {

	public static ApiResponse ok(Object body) {
		return new ApiResponse(200, body, Map.of());
	}

	public static ApiResponse created(Object body) {
		return new ApiResponse(201, body, Map.of());
	}

	public static ApiResponse noContent() {
		return new ApiResponse(204, null, Map.of());
	}

	@Override
	public String toString() {
		String bodyType = (this.body != null) ? this.body.getClass().getSimpleName() : "none";
		return "ApiResponse[status=" + this.status + ", body=" + bodyType + ", headers="
				+ new TreeSet<>(this.headers.keySet()) + "]";
	}

}
