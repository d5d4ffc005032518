package ai.scailabs.scaivault.devserver.http;

import java.net.InetAddress;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

import ai.scailabs.scaivault.devserver.auth.Principal;

/**
 * One request as a handler sees it: the router has matched the route, authenticated the caller
 * (for {@code /v1} routes other than health) and parsed the JSON body.
 */
public interface ApiRequest {

	/** @return the HTTP method, upper case */
	String method();

	/** @return the decoded request path, such as {@code /v1/secrets/app/db} */
	String path();

	/**
	 * Return a variable of the route pattern: {@code {id}} matches one segment, {@code {path**}}
	 * one or more segments (joined with {@code /}).
	 * @param name the variable name without braces or stars
	 * @return its value
	 */
	String pathVariable(String name);

	/**
	 * @param name a query parameter
	 * @return its first value, or {@code null}
	 */
	@Nullable String query(String name);

	/** @return every query parameter's first value */
	Map<String, String> queryParameters();

	/**
	 * @param name a header name, case-insensitive
	 * @return its first value, or {@code null}
	 */
	@Nullable String header(String name);

	/** @return the JSON object body; an empty object for an empty body (a non-object body is refused before) */
	ObjectNode body();

	/** @return the authenticated caller; for unauthenticated routes, {@link Principal#ANONYMOUS} */
	Principal principal();

	/** @return the caller's address, for {@code ip_ranges} conditions and the audit log */
	InetAddress remoteAddress();

	/** @return the id of this request, also sent as {@code X-Request-Id} */
	String requestId();

}
