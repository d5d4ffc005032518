package ai.scailabs.scaivault.devserver;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import ai.scailabs.scaivault.devserver.auth.Principal;
import ai.scailabs.scaivault.devserver.faults.Fault;
import ai.scailabs.scaivault.devserver.faults.Faults;
import ai.scailabs.scaivault.devserver.faults.LoggedRequest;
import ai.scailabs.scaivault.devserver.faults.RequestLog;
import ai.scailabs.scaivault.devserver.http.ApiResponse;
import ai.scailabs.scaivault.devserver.http.DispatchResult;
import ai.scailabs.scaivault.devserver.http.Dispatcher;
import ai.scailabs.scaivault.devserver.http.ErrorBodies;
import ai.scailabs.scaivault.devserver.http.ErrorCode;
import ai.scailabs.scaivault.devserver.http.IncomingRequest;
import ai.scailabs.scaivault.devserver.time.DevClock;

/**
 * Adapts the JDK HTTP server to the {@link Dispatcher}: injects faults, writes JSON with
 * {@code X-Request-Id} and logs the request.
 */
final class ExchangeHandler implements HttpHandler {

	private static final System.Logger logger = System.getLogger(ExchangeHandler.class.getName());

	private final Dispatcher dispatcher;

	private final Faults faults;

	private final RequestLog requestLog;

	private final JsonMapper json;

	private final DevClock clock;

	ExchangeHandler(Dispatcher dispatcher, Faults faults, RequestLog requestLog, JsonMapper json, DevClock clock) {
		this.dispatcher = dispatcher;
		this.faults = faults;
		this.requestLog = requestLog;
		this.json = json;
		this.clock = clock;
	}

	static String newRequestId() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return "req_" + Long.toHexString(random.nextLong() | Long.MIN_VALUE) + Integer.toHexString(random.nextInt() | 1 << 31);
	}

	@Override
	public void handle(HttpExchange exchange) throws IOException {
		String requestId = newRequestId();
		String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
		URI uri = exchange.getRequestURI();
		String rawPath = (uri.getRawPath() != null) ? uri.getRawPath() : "/";
		String logPath = (uri.getPath() != null) ? uri.getPath() : rawPath;
		try {
			byte[] body = exchange.getRequestBody().readAllBytes();
			List<Fault> fired = this.faults.decide(method, logPath);
			Fault failure = null;
			for (Fault fault : fired) {
				if (fault.kind() == Fault.Kind.LATENCY) {
					sleep(fault);
				}
				else if (failure == null) {
					failure = fault;
				}
			}
			if (failure != null && failure.kind() == Fault.Kind.DROP_CONNECTION) {
				log(method, logPath, 0, null, requestId);
				exchange.close();
				return;
			}
			if (failure != null) {
				Prepared response = prepare(faultResponse(failure, requestId), requestId);
				log(method, logPath, response.status(), null, requestId);
				send(exchange, response, requestId);
				return;
			}
			Map<String, String> headers = new HashMap<>();
			exchange.getRequestHeaders().forEach((name, values) -> {
				if (!values.isEmpty()) {
					headers.put(name.toLowerCase(Locale.ROOT), values.get(0));
				}
			});
			InetAddress remote = exchange.getRemoteAddress().getAddress();
			DispatchResult result = this.dispatcher.dispatch(
					new IncomingRequest(method, rawPath, uri.getRawQuery(), headers, body, remote, requestId, null));
			Prepared response = prepare(result.response(), requestId);
			Principal principal = result.principal();
			// log before answering, so that a client that has its answer can count its request
			log(method, result.path(), response.status(), (principal != null) ? principal.identityId() : null,
					requestId);
			send(exchange, response, requestId);
		}
		catch (IOException ex) {
			// the client went away
			exchange.close();
		}
		catch (RuntimeException ex) {
			logger.log(System.Logger.Level.WARNING, "Dev server failed on " + method + " " + logPath, ex);
			try {
				send(exchange, prepare(ErrorBodies.response(ErrorCode.INTERNAL_ERROR,
						"The dev server failed on this request", Map.of(), requestId, Map.of()), requestId), requestId);
			}
			catch (IOException | RuntimeException writeFailure) {
				// headers were already sent: all that is left is to close
				exchange.close();
			}
		}
	}

	private static void sleep(Fault fault) {
		try {
			Thread.sleep(fault.latency().toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static ApiResponse faultResponse(Fault fault, String requestId) {
		Map<String, String> headers = (fault.retryAfter() != null)
				? Map.of("Retry-After", Long.toString(Math.max(0, fault.retryAfter().toSeconds()))) : Map.of();
		return switch (fault.kind()) {
			case RATE_LIMITED -> ErrorBodies.response(ErrorCode.RATE_LIMITED, "Too many requests; retry later",
					Map.of(), requestId, headers);
			case SERVICE_UNAVAILABLE -> ErrorBodies.response(ErrorCode.SERVICE_UNAVAILABLE,
					"The service is unavailable; retry later", Map.of(), requestId, headers);
			case TOKEN_EXPIRED -> ErrorBodies.response(ErrorCode.TOKEN_EXPIRED,
					"The bearer token has expired; obtain a new one", Map.of(), requestId, Map.of());
			default -> ErrorBodies.response(ErrorCode.INTERNAL_ERROR, "Internal error (injected fault)", Map.of(),
					requestId, Map.of());
		};
	}

	private Prepared prepare(ApiResponse response, String requestId) {
		if (response.body() == null) {
			return new Prepared(response.status(), null, response.headers());
		}
		try {
			return new Prepared(response.status(), this.json.writeValueAsBytes(response.body()), response.headers());
		}
		catch (JacksonException ex) {
			logger.log(System.Logger.Level.WARNING, "Dev server could not write the response of " + requestId, ex);
			ApiResponse error = ErrorBodies.response(ErrorCode.INTERNAL_ERROR,
					"The dev server could not write its response", Map.of(), requestId, Map.of());
			return new Prepared(error.status(), this.json.writeValueAsBytes(error.body()), Map.of());
		}
	}

	private static void send(HttpExchange exchange, Prepared response, String requestId) throws IOException {
		var responseHeaders = exchange.getResponseHeaders();
		responseHeaders.set("X-Request-Id", requestId);
		response.headers().forEach(responseHeaders::set);
		byte[] bytes = response.body();
		int status = response.status();
		if (bytes == null || status == 204 || status == 304) {
			exchange.sendResponseHeaders(status, -1);
			exchange.close();
			return;
		}
		responseHeaders.set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	private void log(String method, String path, int status, @Nullable String identityId, String requestId) {
		this.requestLog.record(new LoggedRequest(this.clock.now(), method, path, status, identityId, requestId));
	}

	/**
	 * A response ready to send.
	 *
	 * @param status the status
	 * @param body the JSON bytes, or {@code null}
	 * @param headers extra headers
	 */
	private record Prepared(int status, byte @Nullable [] body, Map<String, String> headers) {
	}

}
