package ai.scailabs.scaivault.devserver.http;

import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

import ai.scailabs.scaivault.devserver.auth.Principal;

/**
 * Routes one request, transport-independent: decodes the path and query, finds the route,
 * authenticates the caller (every route not registered as anonymous), parses the body (a JSON
 * object, or an HTML form for {@code application/x-www-form-urlencoded}) and calls the handler.
 * Failures become the contract's error bodies.
 *
 * <p>A path that exists with another method answers {@code validation_error} (400) with an
 * {@code Allow} header: the contract has no 405 code, and the request is the caller's mistake.
 */
public final class Dispatcher {

	private static final System.Logger logger = System.getLogger(Dispatcher.class.getName());

	private final Router router;

	private final Authenticator authenticator;

	private final ObjectMapper json;

	public Dispatcher(Router router, Authenticator authenticator, ObjectMapper json) {
		this.router = router;
		this.authenticator = authenticator;
		this.json = json;
	}

	/**
	 * @param request the request
	 * @return the response and the caller
	 */
	public DispatchResult dispatch(IncomingRequest request) {
		String requestId = request.requestId();
		String path = request.rawPath();
		Principal principal = null;
		try {
			List<String> segments = segments(request.rawPath());
			path = "/" + String.join("/", segments);
			String method = request.method().toUpperCase(Locale.ROOT);
			Router.Lookup lookup = this.router.find(method, segments);
			Route route = lookup.route();
			if (route == null) {
				return new DispatchResult(noRoute(method, path, lookup, requestId), null, path);
			}
			principal = request.principal();
			if (principal == null) {
				principal = route.anonymous() ? Principal.ANONYMOUS
						: this.authenticator.authenticate(request.headers().get("authorization"));
			}
			ObjectNode body = body(request);
			DefaultApiRequest apiRequest = new DefaultApiRequest(method, path, lookup.variables(),
					query(request.rawQuery()), request.headers(), body, principal, request.remoteAddress(), requestId);
			ApiResponse response = route.handler().handle(apiRequest);
			return new DispatchResult(response, principal, path);
		}
		catch (ApiException ex) {
			return new DispatchResult(ErrorBodies.response(ex, requestId), principal, path);
		}
		catch (RuntimeException ex) {
			logger.log(System.Logger.Level.WARNING,
					"Dev server handler failed for " + request.method() + " " + path + " (" + requestId + ")", ex);
			return new DispatchResult(ErrorBodies.response(ErrorCode.INTERNAL_ERROR,
					"The dev server failed to handle the request (" + ex.getClass().getSimpleName() + ")", Map.of(),
					requestId, Map.of()), principal, path);
		}
	}

	private ApiResponse noRoute(String method, String path, Router.Lookup lookup, String requestId) {
		if (!lookup.otherMethods().isEmpty()) {
			String allowed = String.join(", ", lookup.otherMethods());
			return ErrorBodies.response(ErrorCode.VALIDATION_ERROR,
					"Method " + method + " is not allowed on " + path + "; use " + allowed,
					Map.of("method", method, "allowed", List.copyOf(lookup.otherMethods())), requestId,
					Map.of("Allow", allowed));
		}
		return ErrorBodies.response(ErrorCode.NOT_FOUND, "No API at " + method + " " + path,
				Map.of("path", path), requestId, Map.of());
	}

	private ObjectNode body(IncomingRequest request) {
		byte[] bytes = request.body();
		String contentType = request.headers().getOrDefault("content-type", "");
		if (contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
			ObjectNode form = this.json.createObjectNode();
			query(new String(bytes, StandardCharsets.UTF_8)).forEach(form::put);
			return form;
		}
		if (isBlank(bytes)) {
			return this.json.createObjectNode();
		}
		JsonNode node;
		try {
			node = this.json.readTree(bytes);
		}
		catch (JacksonException ex) {
			throw ApiException.validation("The request body is not valid JSON; send a JSON object");
		}
		if (!(node instanceof ObjectNode object)) {
			throw ApiException.validation("The request body must be a JSON object, not " + node.getNodeType());
		}
		return object;
	}

	private static boolean isBlank(byte[] bytes) {
		for (byte b : bytes) {
			if (!Character.isWhitespace(b)) {
				return false;
			}
		}
		return true;
	}

	static List<String> segments(String rawPath) {
		if (!rawPath.startsWith("/")) {
			throw ApiException.validation("The request path must start with '/'");
		}
		if (rawPath.equals("/")) {
			return List.of();
		}
		List<String> segments = new ArrayList<>();
		for (String raw : rawPath.substring(1).split("/", -1)) {
			segments.add(percentDecode(raw));
		}
		return segments;
	}

	private static String percentDecode(String raw) {
		if (raw.indexOf('%') < 0) {
			return raw;
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (int i = 0; i < raw.length(); i++) {
			char c = raw.charAt(i);
			if (c == '%') {
				if (i + 2 >= raw.length()) {
					throw ApiException.validation("The request path has a bad percent-encoding");
				}
				int hi = Character.digit(raw.charAt(i + 1), 16);
				int lo = Character.digit(raw.charAt(i + 2), 16);
				if (hi < 0 || lo < 0) {
					throw ApiException.validation("The request path has a bad percent-encoding");
				}
				out.write((hi << 4) + lo);
				i += 2;
			}
			else {
				byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
				out.write(bytes, 0, bytes.length);
			}
		}
		return out.toString(StandardCharsets.UTF_8);
	}

	static Map<String, String> query(@Nullable String rawQuery) {
		Map<String, String> result = new LinkedHashMap<>();
		if (rawQuery == null || rawQuery.isEmpty()) {
			return result;
		}
		try {
			for (String pair : rawQuery.split("&")) {
				if (pair.isEmpty()) {
					continue;
				}
				int eq = pair.indexOf('=');
				String name = URLDecoder.decode((eq < 0) ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
				String value = (eq < 0) ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
				result.putIfAbsent(name, value);
			}
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.validation("The query string has a bad percent-encoding");
		}
		return result;
	}

}
