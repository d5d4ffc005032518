package ai.scailabs.scaivault.devserver.http;

import java.net.InetAddress;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

import ai.scailabs.scaivault.devserver.auth.Principal;

/**
 * The {@link ApiRequest} the router hands to handlers. Tests may build one directly to call a
 * handler without HTTP.
 *
 * @param method the HTTP method, upper case
 * @param path the decoded path
 * @param pathVariables the route's path variables
 * @param queryParameters every query parameter's first value
 * @param headers request headers by lower-case name (first value)
 * @param body the JSON object body
 * @param principal the caller
 * @param remoteAddress the caller's address
 * @param requestId the request id
 */
public record DefaultApiRequest(String method, String path, Map<String, String> pathVariables,
		Map<String, String> queryParameters, Map<String, String> headers, ObjectNode body, Principal principal,
		InetAddress remoteAddress, String requestId) implements ApiRequest {

	public DefaultApiRequest {
		pathVariables = Map.copyOf(pathVariables);
		queryParameters = Map.copyOf(queryParameters);
		headers = Map.copyOf(headers);
	}

	@Override
	public String pathVariable(String name) {
		String value = this.pathVariables.get(name);
		if (value == null) {
			throw new IllegalArgumentException("Route of " + this.path + " has no path variable '" + name + "'");
		}
		return value;
	}

	@Override
	public @Nullable String query(String name) {
		return this.queryParameters.get(name);
	}

	@Override
	public @Nullable String header(String name) {
		return this.headers.get(name.toLowerCase(Locale.ROOT));
	}

	@Override
	public String toString() {
		return this.method + " " + this.path + " (" + this.requestId + ", " + this.principal.identityId() + ")";
	}

}
