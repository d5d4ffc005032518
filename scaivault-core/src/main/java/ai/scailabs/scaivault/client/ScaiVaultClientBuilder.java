package ai.scailabs.scaivault.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

import javax.net.ssl.SSLContext;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import ai.scailabs.scaivault.client.auth.ClientCredentialsTokenProvider;
import ai.scailabs.scaivault.client.auth.StaticTokenProvider;
import ai.scailabs.scaivault.client.auth.TokenProvider;
import ai.scailabs.scaivault.client.http.Endpoints;
import ai.scailabs.scaivault.client.http.ErrorResponses;
import ai.scailabs.scaivault.client.http.HttpApiTransport;
import ai.scailabs.scaivault.client.http.HttpResources;
import ai.scailabs.scaivault.client.http.HttpTokenEndpoint;
import ai.scailabs.scaivault.client.http.ScaiVaultJson;
import ai.scailabs.scaivault.client.http.TransportSettings;
import ai.scailabs.scaivault.client.http.Urls;

/**
 * Builds a {@link ScaiVaultClient} or a {@link ScaiVaultAsyncClient}. What is not set is read from
 * the environment: {@code SCAIVAULT_BASE_URL}, {@code SCAIVAULT_TOKEN}, {@code SCAIKEY_CLIENT_ID}
 * and {@code SCAIKEY_CLIENT_SECRET}. A token set here wins over client credentials; settings made
 * here win over the environment.
 */
public final class ScaiVaultClientBuilder {

	/** Environment variable of the base URL. */
	public static final String BASE_URL_VARIABLE = "SCAIVAULT_BASE_URL";

	/** Environment variable of a static token. */
	public static final String TOKEN_VARIABLE = "SCAIVAULT_TOKEN";

	/** Environment variable of the ScaiKey client id. */
	public static final String CLIENT_ID_VARIABLE = "SCAIKEY_CLIENT_ID";

	/** Environment variable of the ScaiKey client secret. */
	public static final String CLIENT_SECRET_VARIABLE = "SCAIKEY_CLIENT_SECRET";

	/** Default per-request timeout. */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

	/** Default connect timeout. */
	public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

	/** Default number of retries after the first attempt. */
	public static final int DEFAULT_MAX_RETRIES = 3;

	/** Default backoff multiplier. */
	public static final double DEFAULT_RETRY_BACKOFF = 1.5;

	/** Default delay before the first retry. */
	public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(500);

	/** Default longest delay between attempts. */
	public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(30);

	private @Nullable String baseUrl;

	private @Nullable String token;

	private @Nullable String clientId;

	private @Nullable String clientSecret;

	private @Nullable String tokenUri;

	private @Nullable String scope;

	private @Nullable TokenProvider tokenProvider;

	private Duration timeout = DEFAULT_TIMEOUT;

	private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;

	private int maxRetries = DEFAULT_MAX_RETRIES;

	private double retryBackoff = DEFAULT_RETRY_BACKOFF;

	private Duration initialBackoff = DEFAULT_INITIAL_BACKOFF;

	private Duration maxBackoff = DEFAULT_MAX_BACKOFF;

	private @Nullable SSLContext sslContext;

	private @Nullable String userAgent;

	private RequestListener requestListener = RequestListener.NONE;

	private @Nullable Delayer delayer;

	private Clock clock = Clock.systemUTC();

	private Function<String, @Nullable String> environment = System::getenv;

	ScaiVaultClientBuilder() {
	}

	/**
	 * Set the base URL of the service, such as {@code https://scaivault.scailabs.ai}. Default:
	 * {@code SCAIVAULT_BASE_URL}.
	 * @param baseUrl the base URL
	 * @return this builder
	 */
	public ScaiVaultClientBuilder baseUrl(String baseUrl) {
		this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
		return this;
	}

	/**
	 * Set the base URL of the service.
	 * @param baseUrl the base URL
	 * @return this builder
	 */
	public ScaiVaultClientBuilder baseUrl(URI baseUrl) {
		return baseUrl(baseUrl.toString());
	}

	/**
	 * Authenticate with a static bearer token. Default: {@code SCAIVAULT_TOKEN}.
	 * @param token the token
	 * @return this builder
	 */
	public ScaiVaultClientBuilder token(String token) {
		this.token = Objects.requireNonNull(token, "token");
		return this;
	}

	/**
	 * Authenticate with the OAuth 2.0 client-credentials grant against ScaiKey; tokens are obtained
	 * and refreshed automatically. Default: {@code SCAIKEY_CLIENT_ID} and
	 * {@code SCAIKEY_CLIENT_SECRET}.
	 * @param clientId the client id
	 * @param clientSecret the client secret
	 * @return this builder
	 */
	public ScaiVaultClientBuilder clientCredentials(String clientId, String clientSecret) {
		return clientId(clientId).clientSecret(clientSecret);
	}

	/**
	 * Set the client id of the client-credentials grant.
	 * @param clientId the client id
	 * @return this builder
	 */
	public ScaiVaultClientBuilder clientId(String clientId) {
		this.clientId = Objects.requireNonNull(clientId, "clientId");
		return this;
	}

	/**
	 * Set the client secret of the client-credentials grant.
	 * @param clientSecret the client secret
	 * @return this builder
	 */
	public ScaiVaultClientBuilder clientSecret(String clientSecret) {
		this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
		return this;
	}

	/**
	 * Set the token endpoint of the client-credentials grant. Default: {@code {baseUrl}/oauth/token}.
	 * @param tokenUri the token endpoint
	 * @return this builder
	 */
	public ScaiVaultClientBuilder tokenUri(String tokenUri) {
		this.tokenUri = Objects.requireNonNull(tokenUri, "tokenUri");
		return this;
	}

	/**
	 * Set the scope to ask for in the client-credentials grant. Default: none.
	 * @param scope the scope
	 * @return this builder
	 */
	public ScaiVaultClientBuilder scope(@Nullable String scope) {
		this.scope = scope;
		return this;
	}

	/**
	 * Use a custom source of bearer tokens instead of a token or client credentials.
	 * @param tokenProvider the token provider
	 * @return this builder
	 */
	public ScaiVaultClientBuilder tokenProvider(TokenProvider tokenProvider) {
		this.tokenProvider = Objects.requireNonNull(tokenProvider, "tokenProvider");
		return this;
	}

	/**
	 * Set the per-request timeout: how long one attempt waits for the answer. Default 10 s.
	 * @param timeout the timeout
	 * @return this builder
	 */
	public ScaiVaultClientBuilder timeout(Duration timeout) {
		this.timeout = positive(timeout, "timeout");
		return this;
	}

	/**
	 * Set the connect timeout. Default 5 s.
	 * @param connectTimeout the connect timeout
	 * @return this builder
	 */
	public ScaiVaultClientBuilder connectTimeout(Duration connectTimeout) {
		this.connectTimeout = positive(connectTimeout, "connectTimeout");
		return this;
	}

	/**
	 * Set how many times a transient failure is retried. Default 3; 0 disables retries.
	 * @param maxRetries the number of retries
	 * @return this builder
	 */
	public ScaiVaultClientBuilder maxRetries(int maxRetries) {
		if (maxRetries < 0) {
			throw invalid("maxRetries must be 0 or more, got " + maxRetries);
		}
		this.maxRetries = maxRetries;
		return this;
	}

	/**
	 * Set the backoff multiplier applied to the delay on every retry. Default 1.5.
	 * @param multiplier the multiplier, at least 1
	 * @return this builder
	 */
	public ScaiVaultClientBuilder retryBackoff(double multiplier) {
		if (!(multiplier >= 1.0)) {
			throw invalid("retryBackoff must be at least 1.0, got " + multiplier);
		}
		this.retryBackoff = multiplier;
		return this;
	}

	/**
	 * Set the delay before the first retry, when the server names none. Default 500 ms.
	 * @param initialBackoff the delay
	 * @return this builder
	 */
	public ScaiVaultClientBuilder initialBackoff(Duration initialBackoff) {
		this.initialBackoff = positive(initialBackoff, "initialBackoff");
		return this;
	}

	/**
	 * Set the longest delay between two attempts. A {@code Retry-After} longer than this is not
	 * waited for: the error is raised at once. Default 30 s.
	 * @param maxBackoff the longest delay
	 * @return this builder
	 */
	public ScaiVaultClientBuilder maxBackoff(Duration maxBackoff) {
		this.maxBackoff = positive(maxBackoff, "maxBackoff");
		return this;
	}

	/**
	 * Set the SSL context, such as one trusting a private CA. Default: the JDK's.
	 * @param sslContext the SSL context
	 * @return this builder
	 */
	public ScaiVaultClientBuilder sslContext(SSLContext sslContext) {
		this.sslContext = Objects.requireNonNull(sslContext, "sslContext");
		return this;
	}

	/**
	 * Set the {@code User-Agent} header. Default {@code scaivault-java/<version>}.
	 * @param userAgent the user agent
	 * @return this builder
	 */
	public ScaiVaultClientBuilder userAgent(String userAgent) {
		this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
		return this;
	}

	/**
	 * Set the listener of requests, for metrics and tracing.
	 * @param requestListener the listener
	 * @return this builder
	 */
	public ScaiVaultClientBuilder requestListener(RequestListener requestListener) {
		this.requestListener = Objects.requireNonNull(requestListener, "requestListener");
		return this;
	}

	/**
	 * Set how the client waits between retries. Default: a scheduler thread of the client.
	 * @param delayer the delayer
	 * @return this builder
	 */
	public ScaiVaultClientBuilder delayer(Delayer delayer) {
		this.delayer = Objects.requireNonNull(delayer, "delayer");
		return this;
	}

	/**
	 * Set the clock for token expiry and durations. Default: the system clock.
	 * @param clock the clock
	 * @return this builder
	 */
	public ScaiVaultClientBuilder clock(Clock clock) {
		this.clock = Objects.requireNonNull(clock, "clock");
		return this;
	}

	/**
	 * Set where defaults are read from. Default: {@link System#getenv(String)}.
	 * @param environment the variable lookup
	 * @return this builder
	 */
	public ScaiVaultClientBuilder environment(Function<String, @Nullable String> environment) {
		this.environment = Objects.requireNonNull(environment, "environment");
		return this;
	}

	/**
	 * Build a blocking client.
	 * @return the client
	 * @throws ValidationException when the base URL or the credentials are missing or invalid
	 */
	public ScaiVaultClient build() {
		return new ScaiVaultClient(buildAsync());
	}

	/**
	 * Build an asynchronous client.
	 * @return the client
	 * @throws ValidationException when the base URL or the credentials are missing or invalid
	 */
	public ScaiVaultAsyncClient buildAsync() {
		URI baseUri = baseUri();
		Credentials credentials = credentials();
		String agent = (this.userAgent != null) ? this.userAgent : defaultUserAgent();
		URI resolvedTokenUri = (credentials.clientId() != null) ? tokenUri(baseUri) : null;
		boolean plainHttpOnly = isPlainHttp(baseUri) && (resolvedTokenUri == null || isPlainHttp(resolvedTokenUri));
		HttpResources resources = new HttpResources(this.connectTimeout, this.sslContext,
				"https".equalsIgnoreCase(baseUri.getScheme()), this.delayer == null, plainHttpOnly);
		try {
			// Created on first use: the start-up import reads its answers without data binding.
			Supplier<JsonMapper> mapper = ScaiVaultJson::mapper;
			TokenProvider provider = credentials.provider();
			if (provider == null) {
				HttpTokenEndpoint endpoint = new HttpTokenEndpoint(resources.httpClient(),
						Objects.requireNonNull(resolvedTokenUri), this.timeout, agent, new ErrorResponses(mapper, this.clock));
				provider = new ClientCredentialsTokenProvider(endpoint, Objects.requireNonNull(credentials.clientId()),
						Objects.requireNonNull(credentials.clientSecret()), this.scope, this.clock);
			}
			Delayer resolvedDelayer = (this.delayer != null) ? this.delayer
					: Delayer.scheduled(Objects.requireNonNull(resources.scheduler()));
			TransportSettings settings = new TransportSettings(baseUri, this.timeout, agent, this.maxRetries,
					this.initialBackoff, this.retryBackoff, this.maxBackoff, this.requestListener, resolvedDelayer,
					this.clock);
			return new ScaiVaultAsyncClient(new HttpApiTransport(settings, resources, provider, mapper));
		}
		catch (RuntimeException ex) {
			resources.close();
			throw ex;
		}
	}

	private URI baseUri() {
		String value = (this.baseUrl != null) ? this.baseUrl : this.environment.apply(BASE_URL_VARIABLE);
		if (value == null || value.isBlank()) {
			throw invalid("No ScaiVault base URL: call baseUrl(...) on the builder or set the " + BASE_URL_VARIABLE
					+ " environment variable (such as https://scaivault.scailabs.ai)");
		}
		String trimmed = value.trim();
		while (trimmed.endsWith("/")) {
			trimmed = trimmed.substring(0, trimmed.length() - 1);
		}
		if (Urls.hasUserInfo(trimmed)) {
			throw invalid("Invalid ScaiVault base URL: it must not contain user-info (user:password@); pass the"
					+ " credentials with token(...) or clientId(...) and clientSecret(...) instead");
		}
		try {
			URI uri = new URI(trimmed);
			if (!isHttp(uri) || uri.getHost() == null) {
				throw invalid("Invalid ScaiVault base URL '" + Urls.redact(trimmed)
						+ "': expected an http or https URL such as https://scaivault.scailabs.ai");
			}
			if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
				throw invalid("Invalid ScaiVault base URL: it must not contain a query or a fragment");
			}
			return uri;
		}
		catch (URISyntaxException ex) {
			throw invalid("Invalid ScaiVault base URL '" + Urls.redact(trimmed) + "': " + ex.getReason());
		}
	}

	private URI tokenUri(URI baseUri) {
		if (this.tokenUri == null) {
			return URI.create(baseUri + Endpoints.DEFAULT_TOKEN_PATH);
		}
		String trimmed = this.tokenUri.trim();
		if (Urls.hasUserInfo(trimmed)) {
			throw invalid("Invalid tokenUri: it must not contain user-info (user:password@); pass the credentials"
					+ " with clientId(...) and clientSecret(...) instead");
		}
		try {
			URI uri = new URI(trimmed);
			if (!isHttp(uri) || uri.getHost() == null) {
				throw invalid("Invalid tokenUri '" + Urls.redact(trimmed)
						+ "': expected an absolute http or https URL such as https://scaivault.scailabs.ai/oauth/token");
			}
			return uri;
		}
		catch (URISyntaxException ex) {
			throw invalid("Invalid tokenUri '" + Urls.redact(trimmed) + "': " + ex.getReason());
		}
	}

	private static boolean isPlainHttp(URI uri) {
		return "http".equalsIgnoreCase(uri.getScheme());
	}

	private static boolean isHttp(URI uri) {
		String scheme = uri.getScheme();
		return scheme != null && (scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"));
	}

	private Credentials credentials() {
		if (this.tokenProvider != null) {
			return new Credentials(this.tokenProvider, null, null);
		}
		if (this.token != null) {
			return new Credentials(new StaticTokenProvider(this.token), null, null);
		}
		if (this.clientId != null || this.clientSecret != null) {
			return clientCredentials(this.clientId, this.clientSecret, "clientSecret(...)", "clientId(...)");
		}
		String envToken = this.environment.apply(TOKEN_VARIABLE);
		if (envToken != null && !envToken.isBlank()) {
			return new Credentials(new StaticTokenProvider(envToken), null, null);
		}
		String envClientId = this.environment.apply(CLIENT_ID_VARIABLE);
		String envClientSecret = this.environment.apply(CLIENT_SECRET_VARIABLE);
		if (isSet(envClientId) || isSet(envClientSecret)) {
			return clientCredentials(envClientId, envClientSecret, CLIENT_SECRET_VARIABLE, CLIENT_ID_VARIABLE);
		}
		throw invalid("No ScaiVault credentials: call token(...) or clientCredentials(clientId, clientSecret) on the"
				+ " builder, or set " + TOKEN_VARIABLE + " or " + CLIENT_ID_VARIABLE + " and " + CLIENT_SECRET_VARIABLE);
	}

	private Credentials clientCredentials(@Nullable String id, @Nullable String secret, String secretSource,
			String idSource) {
		if (!isSet(id)) {
			throw invalid("Client credentials need a client id: set " + idSource);
		}
		if (!isSet(secret)) {
			throw invalid("Client credentials need a client secret: set " + secretSource);
		}
		return new Credentials(null, id.strip(), secret.strip());
	}

	private static boolean isSet(@Nullable String value) {
		return value != null && !value.isBlank();
	}

	private static Duration positive(Duration duration, String name) {
		Objects.requireNonNull(duration, name);
		if (duration.isNegative() || duration.isZero()) {
			throw invalid(name + " must be positive, got " + duration);
		}
		return duration;
	}

	private static ValidationException invalid(String message) {
		return new ValidationException("validation_error", message, Map.of(), null, 0);
	}

	private static String defaultUserAgent() {
		String version = ScaiVaultClientBuilder.class.getPackage().getImplementationVersion();
		return "scaivault-java/" + ((version != null) ? version : "dev") + " (Java "
				+ System.getProperty("java.version") + ")";
	}

	private record Credentials(@Nullable TokenProvider provider, @Nullable String clientId,
			@Nullable String clientSecret) {

		@Override
		public String toString() {
			return "Credentials[clientId=" + this.clientId + "]";
		}

	}

}
