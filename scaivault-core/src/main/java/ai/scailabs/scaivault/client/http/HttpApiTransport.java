package ai.scailabs.scaivault.client.http;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;

import io.github.resilience4j.retry.Retry;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

import ai.scailabs.scaivault.client.AuthenticationException;
import ai.scailabs.scaivault.client.RateLimitException;
import ai.scailabs.scaivault.client.ScaiVaultException;
import ai.scailabs.scaivault.client.auth.TokenProvider;

/**
 * The {@link ApiTransport} on the JDK {@link HttpClient}: bearer authentication, JSON bodies,
 * error mapping, retries with backoff (never blocking a thread while waiting) and request events.
 */
public final class HttpApiTransport implements ApiTransport, AutoCloseable {

	private static final System.Logger logger = System.getLogger(HttpApiTransport.class.getName());

	private final TransportSettings settings;

	private final HttpResources resources;

	private final TokenProvider tokenProvider;

	private final JsonMapper mapper;

	private final ErrorResponses errors;

	private final Retries retries;

	private volatile boolean closed;

	/**
	 * Create a transport. It owns the resources and closes them.
	 * @param settings the settings
	 * @param resources the HTTP client and its threads
	 * @param tokenProvider the source of bearer tokens
	 * @param mapper the JSON mapper (see {@link ScaiVaultJson})
	 */
	public HttpApiTransport(TransportSettings settings, HttpResources resources, TokenProvider tokenProvider,
			JsonMapper mapper) {
		this.settings = settings;
		this.resources = resources;
		this.tokenProvider = tokenProvider;
		this.mapper = mapper;
		this.errors = new ErrorResponses(mapper, settings.clock());
		this.retries = new Retries(settings);
	}

	@Override
	public <T> CompletableFuture<T> send(ApiRequest request, Class<T> responseType) {
		return send(request, this.mapper.constructType(responseType), true, true);
	}

	@Override
	public <T> CompletableFuture<T> send(ApiRequest request, TypeReference<T> responseType) {
		return send(request, this.mapper.constructType(responseType), true, true);
	}

	/**
	 * Send a request without the bearer token and without retries, such as the health check.
	 * @param <T> the response type
	 * @param request the request
	 * @param responseType the response type
	 * @return the response
	 */
	public <T> CompletableFuture<T> sendUnauthenticated(ApiRequest request, Class<T> responseType) {
		return send(request, this.mapper.constructType(responseType), false, false);
	}

	/**
	 * Return the JSON mapper of this transport.
	 * @return the mapper
	 */
	public JsonMapper mapper() {
		return this.mapper;
	}

	/**
	 * Return the settings of this transport.
	 * @return the settings
	 */
	public TransportSettings settings() {
		return this.settings;
	}

	/**
	 * Return the token provider of this transport.
	 * @return the token provider
	 */
	public TokenProvider tokenProvider() {
		return this.tokenProvider;
	}

	private <T> CompletableFuture<T> send(ApiRequest request, JavaType responseType, boolean authenticated,
			boolean retry) {
		Call<T> call = new Call<>(request, responseType, authenticated, this.settings.clock().instant(),
				this.retries.forRequest(request.idempotent(), retry).asyncContext());
		notify(() -> this.settings.listener().onStart(request.operation(), request.method()));
		if (this.closed) {
			fail(call, new ScaiVaultException("client_closed", "The ScaiVault client is closed", Map.of(), null, 0));
			return call.result;
		}
		try {
			call.body = (request.body() != null) ? this.mapper.writeValueAsBytes(request.body()) : null;
		}
		catch (JacksonException ex) {
			fail(call, new ScaiVaultException("client_error", "Could not write the request body of "
					+ request.operation() + " as JSON: " + ex.getClass().getSimpleName(), Map.of(), null, 0));
			return call.result;
		}
		attempt(call);
		return call.result;
	}

	private <T> void attempt(Call<T> call) {
		Futures.checked(() -> exchange(call)).whenComplete((value, failure) -> {
			if (failure == null) {
				call.context.onComplete();
				end(call, null);
				call.result.complete(value);
				return;
			}
			AttemptFailure attemptFailure = asAttemptFailure(failure);
			long delayMillis = (this.closed) ? -1 : call.context.onError(attemptFailure);
			if (delayMillis < 0) {
				fail(call, attemptFailure.exception());
				return;
			}
			Duration delay = Duration.ofMillis(delayMillis);
			int next = call.attempts + 1;
			logger.log(Level.DEBUG, () -> "Retrying " + call.request + " (attempt " + next + ") after "
					+ attemptFailure.code() + " in " + delay.toMillis() + " ms");
			notify(() -> this.settings.listener().onRetry(call.request.operation(), next, attemptFailure.code(),
					delay));
			Futures.checked(() -> this.settings.delayer().delay(delay)).whenComplete((ignored, waitFailure) -> {
				if (waitFailure != null) {
					fail(call, attemptFailure.exception());
				}
				else {
					attempt(call);
				}
			});
		});
	}

	private <T> CompletableFuture<T> exchange(Call<T> call) {
		return token(call).thenCompose((token) -> sendOnce(call, token).thenCompose((response) -> {
			if (token != null && response.statusCode() == 401 && !call.refreshed) {
				ScaiVaultException error = errorOf(response);
				if ("token_expired".equals(error.getCode()) && this.tokenProvider.invalidate(token)) {
					call.refreshed = true;
					logger.log(Level.DEBUG, () -> "Token expired for " + call.request + ": refreshing once");
					return token(call).thenCompose((fresh) -> sendOnce(call, fresh))
						.thenApply((retried) -> read(call, retried));
				}
			}
			return CompletableFuture.completedFuture(read(call, response));
		}));
	}

	private CompletableFuture<@Nullable String> token(Call<?> call) {
		if (!call.authenticated) {
			return CompletableFuture.completedFuture(null);
		}
		return Futures.checked(this.tokenProvider::token).handle((value, failure) -> {
			if (failure == null) {
				return value;
			}
			Throwable cause = Futures.unwrap(failure);
			if (cause instanceof ScaiVaultException ex) {
				Duration retryAfter = (ex instanceof RateLimitException rateLimit) ? rateLimit.getRetryAfter() : null;
				// The request itself was not sent: safe to retry a transient token failure.
				throw new AttemptFailure(ex, retryAfter, true);
			}
			throw new AttemptFailure(new AuthenticationException("authentication_required",
					"Could not obtain a token: " + cause.getClass().getName(), Map.of(), null, 0), null, false);
		});
	}

	private CompletableFuture<HttpResponse<byte[]>> sendOnce(Call<?> call, @Nullable String token) {
		HttpRequest httpRequest = httpRequest(call, token);
		call.attempts++;
		return this.resources.httpClient()
			.sendAsync(httpRequest, HttpResponse.BodyHandlers.ofByteArray())
			.handle((response, failure) -> {
				if (failure != null) {
					call.lastStatus = 0;
					throw transportFailure(call, failure);
				}
				call.lastStatus = response.statusCode();
				return response;
			});
	}

	private HttpRequest httpRequest(Call<?> call, @Nullable String token) {
		ApiRequest request = call.request;
		URI uri = URI.create(this.settings.baseUri() + request.path() + queryString(request.query()));
		HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
			.timeout(this.settings.timeout())
			.version(versionFor(uri))
			.header("Accept", "application/json")
			.header("User-Agent", this.settings.userAgent());
		if (token != null) {
			builder.header("Authorization", "Bearer " + token);
		}
		if (call.body != null) {
			builder.header("Content-Type", "application/json");
			builder.method(request.method(), HttpRequest.BodyPublishers.ofByteArray(call.body));
		}
		else {
			builder.method(request.method(), HttpRequest.BodyPublishers.noBody());
		}
		return builder.build();
	}

	@SuppressWarnings("unchecked")
	private <T> T read(Call<T> call, HttpResponse<byte[]> response) {
		int status = response.statusCode();
		if (status / 100 != 2) {
			ScaiVaultException error = errorOf(response);
			Duration retryAfter = this.errors
				.parseRetryAfter(response.headers().firstValue("Retry-After").orElse(null));
			throw AttemptFailure.answered(error, retryAfter);
		}
		byte[] body = response.body();
		if (status == 204 || body == null || body.length == 0 || call.responseType.hasRawClass(Void.class)) {
			return null;
		}
		try {
			return (T) this.mapper.readValue(body, call.responseType);
		}
		catch (JacksonException ex) {
			// The body may hold secret values: the message only names the type and the JSON path.
			String requestId = response.headers().firstValue(ErrorResponses.REQUEST_ID_HEADER).orElse(null);
			throw new AttemptFailure(new ScaiVaultException(ScaiVaultException.UNEXPECTED_RESPONSE,
					"Could not read the answer of " + call.request.operation() + " as "
							+ call.responseType.getRawClass().getSimpleName() + " (at " + ex.getPathReference() + ")",
					Map.of(), requestId, status), null, false);
		}
	}

	private ScaiVaultException errorOf(HttpResponse<byte[]> response) {
		return this.errors.toException(response.statusCode(),
				response.headers().firstValue(ErrorResponses.REQUEST_ID_HEADER).orElse(null),
				response.headers().firstValue("Retry-After").orElse(null),
				(response.body() != null) ? response.body() : new byte[0]);
	}

	private AttemptFailure transportFailure(Call<?> call, Throwable failure) {
		Throwable cause = Futures.unwrap(failure);
		if (cause instanceof IOException) {
			ScaiVaultException exception = transportException(cause, call.request.toString(),
					this.settings.timeout());
			boolean notActedOn = cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException;
			return new AttemptFailure(exception, null, notActedOn);
		}
		return asAttemptFailure(cause);
	}

	static ScaiVaultException transportException(Throwable cause, String target, Duration timeout) {
		if (cause instanceof HttpConnectTimeoutException) {
			return new ScaiVaultException(ScaiVaultException.TIMEOUT, "Could not connect for " + target + " in time",
					Map.of(), null, 0, cause);
		}
		if (cause instanceof HttpTimeoutException) {
			return new ScaiVaultException(ScaiVaultException.TIMEOUT,
					"No answer to " + target + " within " + timeout.toMillis() + " ms", Map.of(), null, 0, cause);
		}
		if (cause instanceof ConnectException) {
			return new ScaiVaultException(ScaiVaultException.CONNECTION_ERROR,
					"Could not connect for " + target + ": connection refused", Map.of(), null, 0, cause);
		}
		return new ScaiVaultException(ScaiVaultException.CONNECTION_ERROR,
				"Connection failed for " + target + ": " + cause.getClass().getSimpleName(), Map.of(), null, 0, cause);
	}

	private static AttemptFailure asAttemptFailure(Throwable failure) {
		Throwable cause = Futures.unwrap(failure);
		if (cause instanceof AttemptFailure attemptFailure) {
			return attemptFailure;
		}
		if (cause instanceof ScaiVaultException ex) {
			return new AttemptFailure(ex, null, false);
		}
		return new AttemptFailure(new ScaiVaultException("client_error",
				"ScaiVault call failed: " + cause.getClass().getName(), Map.of(), null, 0, cause), null, false);
	}

	private void fail(Call<?> call, ScaiVaultException exception) {
		end(call, exception.getCode());
		call.result.completeExceptionally(exception);
	}

	private void end(Call<?> call, @Nullable String errorCode) {
		Duration duration = Duration.between(call.start, this.settings.clock().instant());
		notify(() -> this.settings.listener().onEnd(call.request.operation(), call.lastStatus, errorCode,
				call.attempts, duration));
	}

	private static void notify(Runnable event) {
		try {
			event.run();
		}
		catch (RuntimeException ex) {
			logger.log(Level.DEBUG, "RequestListener failed; ignored", ex);
		}
	}

	static HttpClient.Version versionFor(URI uri) {
		return "https".equalsIgnoreCase(uri.getScheme()) ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1;
	}

	static String queryString(Map<String, String> query) {
		if (query.isEmpty()) {
			return "";
		}
		StringJoiner joiner = new StringJoiner("&", "?", "");
		query.forEach((name, value) -> joiner.add(encodeQuery(name) + "=" + encodeQuery(value)));
		return joiner.toString();
	}

	private static String encodeQuery(String value) {
		// '/' is legal in a query and keeps secret prefixes readable.
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("%2F", "/");
	}

	@Override
	public void close() {
		this.closed = true;
		this.resources.close();
	}

	@Override
	public String toString() {
		return "HttpApiTransport[baseUri=" + Urls.redact(this.settings.baseUri()) + ", auth=" + this.tokenProvider.mode() + "]";
	}

	private static final class Call<T> {

		final ApiRequest request;

		final JavaType responseType;

		final boolean authenticated;

		final Instant start;

		final Retry.AsyncContext<Object> context;

		final CompletableFuture<T> result = new CompletableFuture<>();

		byte @Nullable [] body;

		volatile int attempts;

		volatile int lastStatus;

		volatile boolean refreshed;

		Call(ApiRequest request, JavaType responseType, boolean authenticated, Instant start,
				Retry.AsyncContext<Object> context) {
			this.request = request;
			this.responseType = responseType;
			this.authenticated = authenticated;
			this.start = start;
			this.context = context;
		}

	}

}
