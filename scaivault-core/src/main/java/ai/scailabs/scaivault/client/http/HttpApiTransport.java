package ai.scailabs.scaivault.client.http;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.lang.reflect.Type;
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
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import io.github.resilience4j.retry.Retry;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import ai.scailabs.scaivault.client.AuthenticationException;
import ai.scailabs.scaivault.client.RateLimitException;
import ai.scailabs.scaivault.client.RequestListener;
import ai.scailabs.scaivault.client.ScaiVaultException;
import ai.scailabs.scaivault.client.auth.TokenProvider;

/**
 * The {@link ApiTransport} on the JDK {@link HttpClient}: bearer authentication, JSON bodies,
 * error mapping, retries with backoff and request events, in two drivers that share all of it.
 * The asynchronous one ({@link #send(ApiRequest, Class)}) never blocks a thread, retries
 * included; the {@link #blocking() blocking view} runs each call on the caller's thread with
 * {@link HttpClient#send}, waiting between retries on that thread too. Both take their retry
 * decisions from the same Resilience4j {@link Retry} policies.
 */
public final class HttpApiTransport implements ApiTransport, AutoCloseable {

	/** Header that makes a retried {@code PUT} act once (contract section 2). */
	public static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";

	private static final System.Logger logger = System.getLogger(HttpApiTransport.class.getName());

	private final TransportSettings settings;

	private final HttpResources resources;

	private final TokenProvider tokenProvider;

	private final Supplier<JsonMapper> mapperFactory;

	private volatile @Nullable JsonMapper mapper;

	private final ErrorResponses errors;

	private final Retries retries;

	private final String baseUri;

	private final HttpClient.Version version;

	private final Map<Type, Decoder> decoders = new ConcurrentHashMap<>();

	private final ApiTransport blocking;

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
		this(settings, resources, tokenProvider, () -> mapper);
	}

	/**
	 * Create a transport whose JSON mapper is created on first use: calls that read their answer
	 * with a {@link JsonStreamReader} and send no body or a {@link JsonWritable} one never need
	 * it, so a client that only does such calls (the start-up import) never loads Jackson's data
	 * binding. It owns the resources and closes them.
	 * @param settings the settings
	 * @param resources the HTTP client and its threads
	 * @param tokenProvider the source of bearer tokens
	 * @param mapperFactory creates the JSON mapper (see {@link ScaiVaultJson}); called at most once
	 */
	public HttpApiTransport(TransportSettings settings, HttpResources resources, TokenProvider tokenProvider,
			Supplier<JsonMapper> mapperFactory) {
		this.settings = settings;
		this.resources = resources;
		this.tokenProvider = tokenProvider;
		this.mapperFactory = mapperFactory;
		this.errors = new ErrorResponses(this::mapper, settings.clock());
		this.retries = new Retries(settings);
		this.baseUri = settings.baseUri().toString();
		this.version = versionFor(settings.baseUri());
		this.blocking = view(true, true, null);
	}

	@Override
	public <T> CompletableFuture<T> send(ApiRequest request, Class<T> responseType) {
		return sendAsync(request, reader(responseType), true, true, null);
	}

	@Override
	public <T> CompletableFuture<T> send(ApiRequest request, TypeReference<T> responseType) {
		return sendAsync(request, reader(responseType), true, true, null);
	}

	@Override
	public <T> CompletableFuture<T> send(ApiRequest request, Class<T> responseType, JsonStreamReader<T> reader) {
		return sendAsync(request, decoder(responseType, reader), true, true, null);
	}

	/**
	 * Send a request without the bearer token and without retries, such as the health check.
	 * @param <T> the response type
	 * @param request the request
	 * @param responseType the response type
	 * @return the response
	 */
	public <T> CompletableFuture<T> sendUnauthenticated(ApiRequest request, Class<T> responseType) {
		return sendAsync(request, reader(responseType), false, false, null);
	}

	/**
	 * Send a request without the bearer token and without retries, on the calling thread, waiting
	 * at most the given time for the answer.
	 * @param <T> the response type
	 * @param request the request
	 * @param responseType the response type
	 * @param timeout how long to wait for the answer, connecting included
	 * @return the completed response
	 */
	public <T> CompletableFuture<T> sendUnauthenticatedBlocking(ApiRequest request, Class<T> responseType,
			Duration timeout) {
		return sendBlocking(request, reader(responseType), false, false, timeout);
	}

	/**
	 * Return the blocking view of this transport: each call runs on the caller's thread
	 * ({@link HttpClient#send}), retries and the waits between them included, and returns a
	 * future that is already complete. The resource groups of the blocking client use it, so
	 * that the blocking and the async client share request building, error mapping and JSON.
	 * @return the blocking view
	 */
	public ApiTransport blocking() {
		return this.blocking;
	}

	/**
	 * Return a blocking view whose calls are tried once, each waiting at most the given time for
	 * its answer (connecting included): for callers that own their retries, such as start-up
	 * with its budget, or health probes.
	 * @param timeout how long one call waits for its answer
	 * @return the view
	 */
	public ApiTransport singleAttempt(Duration timeout) {
		return view(true, false, timeout);
	}

	/**
	 * Obtain a token from the provider, waiting at most the given time, without sending a request
	 * to ScaiVault.
	 * @param timeout how long to wait
	 * @throws ScaiVaultException when no token can be obtained
	 */
	public void checkToken(Duration timeout) {
		try {
			this.tokenProvider.token().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw interrupted(ex);
		}
		catch (TimeoutException ex) {
			throw new ScaiVaultException(ScaiVaultException.TIMEOUT,
					"No token within " + timeout.toMillis() + " ms", Map.of(), null, 0);
		}
		catch (ExecutionException | RuntimeException ex) {
			throw tokenFailure(ex).exception();
		}
	}

	/**
	 * Return the JSON mapper of this transport.
	 * @return the mapper
	 */
	public JsonMapper mapper() {
		JsonMapper current = this.mapper;
		if (current == null) {
			synchronized (this.decoders) {
				current = this.mapper;
				if (current == null) {
					current = this.mapperFactory.get();
					this.mapper = current;
				}
			}
		}
		return current;
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

	private ApiTransport view(boolean blocking, boolean retry, @Nullable Duration timeout) {
		return new ApiTransport() {

			@Override
			public <T> CompletableFuture<T> send(ApiRequest request, Class<T> responseType) {
				return dispatch(request, reader(responseType));
			}

			@Override
			public <T> CompletableFuture<T> send(ApiRequest request, TypeReference<T> responseType) {
				return dispatch(request, reader(responseType));
			}

			@Override
			public <T> CompletableFuture<T> send(ApiRequest request, Class<T> responseType,
					JsonStreamReader<T> reader) {
				return dispatch(request, decoder(responseType, reader));
			}

			private <T> CompletableFuture<T> dispatch(ApiRequest request, Decoder reader) {
				return blocking ? sendBlocking(request, reader, true, retry, timeout)
						: sendAsync(request, reader, true, retry, timeout);
			}

		};
	}

	private Decoder reader(Class<?> type) {
		Decoder decoder = this.decoders.get(type);
		return (decoder != null) ? decoder
				: this.decoders.computeIfAbsent(type, (key) -> new DataBindDecoder(mapper().readerFor(type)));
	}

	private Decoder reader(TypeReference<?> type) {
		Decoder decoder = this.decoders.get(type.getType());
		return (decoder != null) ? decoder
				: this.decoders.computeIfAbsent(type.getType(), (key) -> new DataBindDecoder(mapper().readerFor(type)));
	}

	private static Decoder decoder(Class<?> type, JsonStreamReader<?> reader) {
		return new StreamDecoder(type, reader);
	}

	/**
	 * Start a call: the start event, the closed check and the request body, shared by both
	 * drivers. On failure the call's result is already complete.
	 */
	private <T> Call<T> start(ApiRequest request, Decoder reader, boolean authenticated, boolean retry,
			@Nullable Duration timeout) {
		Call<T> call = new Call<>(request, reader, authenticated, this.settings.clock().instant(),
				this.retries, retry,
				(timeout != null) ? timeout : this.settings.timeout());
		RequestListener listener = this.settings.listener();
		if (listener != RequestListener.NONE) {
			notify(() -> listener.onStart(request.operation(), request.method()));
		}
		if (this.closed) {
			fail(call, new ScaiVaultException("client_closed", "The ScaiVault client is closed", Map.of(), null, 0));
			return call;
		}
		try {
			Object body = request.body();
			call.body = (body == null) ? null
					: (body instanceof JsonWritable writable) ? StreamingJson.write(writable)
							: mapper().writeValueAsBytes(body);
		}
		catch (JacksonException ex) {
			fail(call, new ScaiVaultException("client_error", "Could not write the request body of "
					+ request.operation() + " as JSON: " + ex.getClass().getSimpleName(), Map.of(), null, 0));
		}
		return call;
	}

	// The blocking driver: everything on the caller's thread.

	private <T> CompletableFuture<T> sendBlocking(ApiRequest request, Decoder reader, boolean authenticated,
			boolean retry, @Nullable Duration timeout) {
		Call<T> call = start(request, reader, authenticated, retry, timeout);
		while (!call.result.isDone()) {
			try {
				T value = exchangeBlocking(call);
				call.onComplete();
				succeed(call, value);
			}
			catch (RuntimeException ex) {
				AttemptFailure failure = asAttemptFailure(ex);
				Duration delay = nextDelay(call, failure);
				if (delay == null) {
					fail(call, failure.exception());
				}
				else {
					sleep(call, delay, failure);
				}
			}
		}
		return call.result;
	}

	private void sleep(Call<?> call, Duration delay, AttemptFailure failure) {
		try {
			this.settings.delayer().sleep(delay);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			fail(call, failure.exception());
		}
		catch (ExecutionException | RuntimeException ex) {
			fail(call, failure.exception());
		}
	}

	private <T> T exchangeBlocking(Call<T> call) {
		String token = tokenBlocking(call);
		HttpResponse<byte[]> response = sendOnceBlocking(call, token);
		if (isExpired(call, token, response)) {
			response = sendOnceBlocking(call, tokenBlocking(call));
		}
		return read(call, response);
	}

	private @Nullable String tokenBlocking(Call<?> call) {
		if (!call.authenticated) {
			return null;
		}
		try {
			return this.tokenProvider.token().get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AttemptFailure(interrupted(ex), null, false);
		}
		catch (ExecutionException | RuntimeException ex) {
			throw tokenFailure(ex);
		}
	}

	private HttpResponse<byte[]> sendOnceBlocking(Call<?> call, @Nullable String token) {
		HttpRequest httpRequest = httpRequest(call, token);
		call.attempts++;
		try {
			HttpResponse<byte[]> response = this.resources.httpClient()
				.send(httpRequest, HttpResponse.BodyHandlers.ofByteArray());
			call.lastStatus = response.statusCode();
			return response;
		}
		catch (IOException ex) {
			call.lastStatus = 0;
			throw transportFailure(call, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			call.lastStatus = 0;
			throw new AttemptFailure(interrupted(ex), null, false);
		}
	}

	// The async driver: no thread waits.

	private <T> CompletableFuture<T> sendAsync(ApiRequest request, Decoder reader, boolean authenticated,
			boolean retry, @Nullable Duration timeout) {
		Call<T> call = start(request, reader, authenticated, retry, timeout);
		if (call.result.isDone()) {
			return call.result;
		}
		call.result.whenComplete((value, failure) -> {
			if (call.result.isCancelled()) {
				CompletableFuture<?> pending = call.pending;
				if (pending != null) {
					pending.cancel(false);
				}
				end(call, "cancelled");
			}
		});
		attempt(call);
		return call.result;
	}

	private <T> void attempt(Call<T> call) {
		CompletableFuture<T> exchange = Futures.checked(() -> exchange(call));
		call.pending = exchange;
		exchange.whenComplete((value, failure) -> {
			if (call.result.isDone()) {
				return;
			}
			if (failure == null) {
				call.onComplete();
				succeed(call, value);
				return;
			}
			AttemptFailure attemptFailure = asAttemptFailure(failure);
			Duration delay = nextDelay(call, attemptFailure);
			if (delay == null) {
				fail(call, attemptFailure.exception());
				return;
			}
			CompletableFuture<Void> wait = Futures.checked(() -> this.settings.delayer().delay(delay));
			call.pending = wait;
			if (call.result.isCancelled()) {
				wait.cancel(false);
				return;
			}
			wait.whenComplete((ignored, waitFailure) -> {
				if (call.result.isDone()) {
					return;
				}
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
			if (isExpired(call, token, response)) {
				return token(call).thenCompose((fresh) -> sendOnce(call, fresh))
					.thenApply((retried) -> read(call, retried));
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
			throw tokenFailure(failure);
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

	// Shared by both drivers.

	/**
	 * Return how long to wait before the next attempt, or {@code null} when the call fails now.
	 */
	private @Nullable Duration nextDelay(Call<?> call, AttemptFailure failure) {
		if (!failure.notActedOn()) {
			call.mayHaveActed = true;
		}
		long delayMillis = (this.closed || call.result.isDone()) ? -1 : call.context().onError(failure);
		if (delayMillis < 0) {
			return null;
		}
		Duration delay = Duration.ofMillis(delayMillis);
		int next = call.attempts + 1;
		logger.log(Level.DEBUG, () -> "Retrying " + call.request + " (attempt " + next + ") after "
				+ failure.code() + " in " + delay.toMillis() + " ms");
		RequestListener listener = this.settings.listener();
		if (listener != RequestListener.NONE) {
			notify(() -> listener.onRetry(call.request.operation(), next, failure.code(), delay));
		}
		return delay;
	}

	/**
	 * Whether the server answered {@code token_expired} to a token the provider can refresh:
	 * then the request is sent once more with a fresh token.
	 */
	private boolean isExpired(Call<?> call, @Nullable String token, HttpResponse<byte[]> response) {
		if (token == null || response.statusCode() != 401 || call.refreshed) {
			return false;
		}
		ScaiVaultException error = errorOf(response);
		if ("token_expired".equals(error.getCode()) && this.tokenProvider.invalidate(token)) {
			call.refreshed = true;
			logger.log(Level.DEBUG, () -> "Token expired for " + call.request + ": refreshing once");
			return true;
		}
		return false;
	}

	private static AttemptFailure tokenFailure(Throwable failure) {
		Throwable cause = Futures.unwrap(failure);
		if (cause instanceof AttemptFailure attemptFailure) {
			return attemptFailure;
		}
		if (cause instanceof ScaiVaultException ex) {
			Duration retryAfter = (ex instanceof RateLimitException rateLimit) ? rateLimit.getRetryAfter() : null;
			// The request itself was not sent: safe to retry a transient token failure.
			return new AttemptFailure(ex, retryAfter, true);
		}
		return new AttemptFailure(new AuthenticationException("authentication_required",
				"Could not obtain a token: " + cause.getClass().getName(), Map.of(), null, 0), null, false);
	}

	private HttpRequest httpRequest(Call<?> call, @Nullable String token) {
		ApiRequest request = call.request;
		String query = request.query().isEmpty() ? "" : queryString(request.query());
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.baseUri + request.path() + query))
			.timeout(call.timeout)
			.version(this.version)
			.header("Accept", "application/json")
			.header("User-Agent", this.settings.userAgent());
		if (token != null) {
			builder.header("Authorization", "Bearer " + token);
		}
		if (call.idempotencyKey != null) {
			builder.header(IDEMPOTENCY_KEY_HEADER, call.idempotencyKey);
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
			if (status == 404 && call.mayHaveActed && "DELETE".equals(call.request.method())) {
				// An earlier attempt may have deleted it: what the caller asked for is done.
				logger.log(Level.DEBUG, () -> call.request + " answered not_found after an earlier attempt that"
						+ " may have acted: deleted");
				return null;
			}
			Duration retryAfter = this.errors
				.parseRetryAfter(response.headers().firstValue("Retry-After").orElse(null));
			throw AttemptFailure.answered(error, retryAfter);
		}
		byte[] body = response.body();
		if (status == 204 || body == null || body.length == 0 || call.reader.isVoid()) {
			return null;
		}
		try {
			return (T) call.reader.decode(body);
		}
		catch (JacksonException ex) {
			// The body may hold secret values: the message only names the type and the JSON path.
			String requestId = response.headers().firstValue(ErrorResponses.REQUEST_ID_HEADER).orElse(null);
			throw new AttemptFailure(new ScaiVaultException(ScaiVaultException.UNEXPECTED_RESPONSE,
					"Could not read the answer of " + call.request.operation() + " as " + call.reader.typeName()
							+ " (at " + ex.getPathReference() + ")",
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
			ScaiVaultException exception = transportException(cause, call.request.toString(), call.timeout);
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

	private static ScaiVaultException interrupted(InterruptedException ex) {
		return new ScaiVaultException("interrupted", "Interrupted while waiting for ScaiVault", Map.of(), null, 0, ex);
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

	private <T> void succeed(Call<T> call, @Nullable T value) {
		end(call, null);
		call.result.complete(value);
	}

	private void fail(Call<?> call, ScaiVaultException exception) {
		end(call, exception.getCode());
		call.result.completeExceptionally(exception);
	}

	private void end(Call<?> call, @Nullable String errorCode) {
		if (!call.ended.compareAndSet(false, true)) {
			return;
		}
		RequestListener listener = this.settings.listener();
		if (listener != RequestListener.NONE) {
			Duration duration = Duration.between(call.start, this.settings.clock().instant());
			notify(() -> listener.onEnd(call.request.operation(), call.lastStatus, errorCode, call.attempts,
					duration));
		}
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

		final Decoder reader;

		final boolean authenticated;

		final Instant start;

		final Retries retries;

		/** Whether this call may be retried at all. */
		final boolean retry;

		/** Created at the first failure: a call whose first attempt succeeds never needs it. */
		private Retry.@Nullable AsyncContext<Object> context;

		final Duration timeout;

		final CompletableFuture<T> result = new CallFuture<>();

		final AtomicBoolean ended = new AtomicBoolean();

		/** Sent with every attempt of a PUT, so that the server acts on it once. */
		final @Nullable String idempotencyKey;

		byte @Nullable [] body;

		/** The attempt or the wait in progress (async driver), cancelled with the call. */
		volatile @Nullable CompletableFuture<?> pending;

		volatile int attempts;

		volatile int lastStatus;

		volatile boolean refreshed;

		/** Whether an earlier attempt failed in a way the server may have acted on. */
		volatile boolean mayHaveActed;

		Call(ApiRequest request, Decoder reader, boolean authenticated, Instant start, Retries retries,
				boolean retry, Duration timeout) {
			this.request = request;
			this.reader = reader;
			this.authenticated = authenticated;
			this.start = start;
			this.retries = retries;
			this.retry = retry;
			this.timeout = timeout;
			this.idempotencyKey = "PUT".equals(request.method()) ? UUID.randomUUID().toString() : null;
		}

		/** Attempts and waits of one call follow each other, never overlap: no lock needed. */
		Retry.AsyncContext<Object> context() {
			Retry.AsyncContext<Object> current = this.context;
			if (current == null) {
				current = this.retries.forRequest(this.request.idempotent(), this.retry).asyncContext();
				this.context = current;
			}
			return current;
		}

		void onComplete() {
			Retry.AsyncContext<Object> current = this.context;
			if (current != null) {
				current.onComplete();
			}
		}

	}

	/** Turns an answer's bytes into the caller's type. */
	private interface Decoder {

		@Nullable Object decode(byte[] body) throws JacksonException;

		boolean isVoid();

		String typeName();

	}

	private record DataBindDecoder(ObjectReader reader) implements Decoder {

		@Override
		public @Nullable Object decode(byte[] body) throws JacksonException {
			return this.reader.readValue(body);
		}

		@Override
		public boolean isVoid() {
			return this.reader.getValueType().hasRawClass(Void.class);
		}

		@Override
		public String typeName() {
			JavaType type = this.reader.getValueType();
			return (type != null) ? type.getRawClass().getSimpleName() : "?";
		}

	}

	private record StreamDecoder(Class<?> type, JsonStreamReader<?> reader) implements Decoder {

		@Override
		public @Nullable Object decode(byte[] body) throws JacksonException {
			return StreamingJson.read(body, this.reader);
		}

		@Override
		public boolean isVoid() {
			return this.type == Void.class;
		}

		@Override
		public String typeName() {
			return this.type.getSimpleName();
		}

	}

}
