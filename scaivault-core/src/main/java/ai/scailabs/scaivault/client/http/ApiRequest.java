package ai.scailabs.scaivault.client.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One call of the ScaiVault API, as the resource groups describe it to the {@link ApiTransport}.
 * Internal to the client: resource groups build these from {@link Endpoints}.
 *
 * @param operation stable operation name for listeners and metrics, such as {@code secrets.read}
 * @param method HTTP method
 * @param path path below the base URL, starting with {@code /}, already encoded
 * @param query query parameters in order (values not yet encoded)
 * @param body request body, serialized as snake_case JSON, or {@code null} for none
 * @param idempotent whether the call may be retried after the server may have acted on it
 */
public record ApiRequest(String operation, String method, String path, Map<String, String> query,
		@Nullable Object body, boolean idempotent) {

	public ApiRequest {
		query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
	}

	public static ApiRequest get(String operation, String path) {
		return new ApiRequest(operation, "GET", path, Map.of(), null, true);
	}

	public static ApiRequest delete(String operation, String path) {
		return new ApiRequest(operation, "DELETE", path, Map.of(), null, true);
	}

	public static ApiRequest put(String operation, String path, Object body) {
		return new ApiRequest(operation, "PUT", path, Map.of(), body, true);
	}

	public static ApiRequest patch(String operation, String path, Object body) {
		return new ApiRequest(operation, "PATCH", path, Map.of(), body, true);
	}

	/**
	 * A POST that is not idempotent (create, rotate, issue, sign, trigger, generate): retried only
	 * when the server certainly did not act on it.
	 * @param operation the operation name
	 * @param path the path
	 * @param body the body, or {@code null}
	 * @return the request
	 */
	public static ApiRequest post(String operation, String path, @Nullable Object body) {
		return new ApiRequest(operation, "POST", path, Map.of(), body, false);
	}

	/**
	 * A POST that only reads or tests (batch read, policy test, validate), and may be retried.
	 * @param operation the operation name
	 * @param path the path
	 * @param body the body
	 * @return the request
	 */
	public static ApiRequest idempotentPost(String operation, String path, Object body) {
		return new ApiRequest(operation, "POST", path, Map.of(), body, true);
	}

	/**
	 * Return a copy with one more query parameter; {@code null} values are left out.
	 * @param name the parameter name
	 * @param value the value, or {@code null}
	 * @return the new request
	 */
	public ApiRequest query(String name, @Nullable Object value) {
		if (value == null) {
			return this;
		}
		Map<String, String> query = new LinkedHashMap<>(this.query);
		query.put(name, String.valueOf(value));
		return new ApiRequest(this.operation, this.method, this.path, query, this.body, this.idempotent);
	}

	@Override
	public String toString() {
		// The body may hold secret values: never printed.
		return this.method + " " + this.path + " (" + this.operation + ")";
	}

}
