package ai.scailabs.scaivault.config;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import ai.scailabs.scaivault.client.ScaiVaultClientBuilder;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of the ScaiVault client and of {@code spring.config.import=scaivault:...}.
 *
 * <p>Connection settings left unset fall back to the environment variables the client reads itself:
 * {@code SCAIVAULT_BASE_URL}, {@code SCAIVAULT_TOKEN}, {@code SCAIKEY_CLIENT_ID} and
 * {@code SCAIKEY_CLIENT_SECRET}. {@link #toString()} is not overridden, so neither the token nor the
 * client secret can leak through it.
 *
 * @author ScaiLabs
 */
@ConfigurationProperties(ScaiVaultProperties.PREFIX)
public class ScaiVaultProperties {

	/**
	 * Prefix of every ScaiVault property.
	 */
	public static final String PREFIX = "scaivault";

	/**
	 * Base URL of the ScaiVault service, such as https://scaivault.scailabs.ai. Falls back to
	 * SCAIVAULT_BASE_URL.
	 */
	private @Nullable String baseUrl;

	/**
	 * Static bearer token. Falls back to SCAIVAULT_TOKEN. Takes precedence over client credentials.
	 */
	private @Nullable String token;

	/**
	 * ScaiKey client id for the client-credentials grant. Falls back to SCAIKEY_CLIENT_ID.
	 */
	private @Nullable String clientId;

	/**
	 * ScaiKey client secret for the client-credentials grant. Falls back to SCAIKEY_CLIENT_SECRET.
	 */
	private @Nullable String clientSecret;

	/**
	 * ScaiKey token endpoint. Defaults to {base-url}/oauth/token.
	 */
	private @Nullable String tokenUri;

	/**
	 * Scope to request with the client-credentials grant, if any.
	 */
	private @Nullable String scope;

	/**
	 * Timeout of one request attempt, until the answer arrives.
	 */
	private Duration timeout = ScaiVaultClientBuilder.DEFAULT_TIMEOUT;

	/**
	 * Timeout to establish a connection.
	 */
	private Duration connectTimeout = ScaiVaultClientBuilder.DEFAULT_CONNECT_TIMEOUT;

	/**
	 * Retries of the client for rate-limited, unavailable and unreachable answers.
	 */
	private final Retry retry = new Retry();

	/**
	 * TLS settings of the connection to ScaiVault.
	 */
	private final Ssl ssl = new Ssl();

	/**
	 * Settings of spring.config.import=scaivault:... locations.
	 */
	private final Config config = new Config();

	/**
	 * Health probe settings.
	 */
	private final Health health = new Health();

	public @Nullable String getBaseUrl() {
		return this.baseUrl;
	}

	public void setBaseUrl(@Nullable String baseUrl) {
		this.baseUrl = baseUrl;
	}

	public @Nullable String getToken() {
		return this.token;
	}

	public void setToken(@Nullable String token) {
		this.token = token;
	}

	public @Nullable String getClientId() {
		return this.clientId;
	}

	public void setClientId(@Nullable String clientId) {
		this.clientId = clientId;
	}

	public @Nullable String getClientSecret() {
		return this.clientSecret;
	}

	public void setClientSecret(@Nullable String clientSecret) {
		this.clientSecret = clientSecret;
	}

	public @Nullable String getTokenUri() {
		return this.tokenUri;
	}

	public void setTokenUri(@Nullable String tokenUri) {
		this.tokenUri = tokenUri;
	}

	public @Nullable String getScope() {
		return this.scope;
	}

	public void setScope(@Nullable String scope) {
		this.scope = scope;
	}

	public Duration getTimeout() {
		return this.timeout;
	}

	public void setTimeout(Duration timeout) {
		this.timeout = timeout;
	}

	public Duration getConnectTimeout() {
		return this.connectTimeout;
	}

	public void setConnectTimeout(Duration connectTimeout) {
		this.connectTimeout = connectTimeout;
	}

	public Retry getRetry() {
		return this.retry;
	}

	public Ssl getSsl() {
		return this.ssl;
	}

	public Config getConfig() {
		return this.config;
	}

	public Health getHealth() {
		return this.health;
	}

	/**
	 * Retries of the client itself, for every call it makes.
	 */
	public static class Retry {

		/**
		 * Maximum number of retries after the first attempt; 0 disables retries.
		 */
		private int maxRetries = ScaiVaultClientBuilder.DEFAULT_MAX_RETRIES;

		/**
		 * Delay before the first retry, when the server names none (Retry-After).
		 */
		private Duration initialInterval = ScaiVaultClientBuilder.DEFAULT_INITIAL_BACKOFF;

		/**
		 * Factor applied to the delay on every further retry, at least 1.
		 */
		private double multiplier = ScaiVaultClientBuilder.DEFAULT_RETRY_BACKOFF;

		/**
		 * Longest delay between two attempts. A longer Retry-After is not waited for: the call fails
		 * at once.
		 */
		private Duration maxInterval = ScaiVaultClientBuilder.DEFAULT_MAX_BACKOFF;

		public int getMaxRetries() {
			return this.maxRetries;
		}

		public void setMaxRetries(int maxRetries) {
			this.maxRetries = maxRetries;
		}

		public Duration getInitialInterval() {
			return this.initialInterval;
		}

		public void setInitialInterval(Duration initialInterval) {
			this.initialInterval = initialInterval;
		}

		public double getMultiplier() {
			return this.multiplier;
		}

		public void setMultiplier(double multiplier) {
			this.multiplier = multiplier;
		}

		public Duration getMaxInterval() {
			return this.maxInterval;
		}

		public void setMaxInterval(Duration maxInterval) {
			this.maxInterval = maxInterval;
		}

	}

	/**
	 * TLS settings.
	 */
	public static class Ssl {

		/**
		 * Name of the SSL bundle (spring.ssl.bundle.*) that holds the trust material of a private CA.
		 */
		private @Nullable String bundle;

		public @Nullable String getBundle() {
			return this.bundle;
		}

		public void setBundle(@Nullable String bundle) {
			this.bundle = bundle;
		}

	}

	/**
	 * Settings of spring.config.import=scaivault:... locations.
	 */
	public static class Config {

		/**
		 * Whether scaivault: imports contact ScaiVault. When false, every scaivault: location
		 * contributes no properties.
		 */
		private boolean enabled = true;

		/**
		 * Start-up retries of the import when ScaiVault is unreachable or unavailable. They replace
		 * the client's own retries for the start-up reads.
		 */
		private final ImportRetry retry = new ImportRetry();

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public ImportRetry getRetry() {
			return this.retry;
		}

	}

	/**
	 * Start-up retries of the import: the one retry owner of the start-up reads.
	 */
	public static class ImportRetry {

		/**
		 * Longest time start-up spends reading ScaiVault, attempts and the waits between them
		 * included. Once spent, start-up fails (or, for an optional: location, goes on without
		 * the values).
		 */
		private Duration budget = Duration.ofSeconds(30);

		/**
		 * Maximum number of attempts of each start-up read, the first one included. 1 disables
		 * retries.
		 */
		private int maxAttempts = 6;

		/**
		 * Backoff before the second attempt: the wait is a random time up to it (full jitter),
		 * after the server's Retry-After if it sent one.
		 */
		private Duration initialInterval = Duration.ofSeconds(1);

		/**
		 * Factor applied to the backoff after every further attempt.
		 */
		private double multiplier = 1.5;

		/**
		 * Longest backoff between two attempts (a Retry-After comes on top).
		 */
		private Duration maxInterval = Duration.ofSeconds(10);

		public Duration getBudget() {
			return this.budget;
		}

		public void setBudget(Duration budget) {
			this.budget = budget;
		}

		public int getMaxAttempts() {
			return this.maxAttempts;
		}

		public void setMaxAttempts(int maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

		public Duration getInitialInterval() {
			return this.initialInterval;
		}

		public void setInitialInterval(Duration initialInterval) {
			this.initialInterval = initialInterval;
		}

		public double getMultiplier() {
			return this.multiplier;
		}

		public void setMultiplier(double multiplier) {
			this.multiplier = multiplier;
		}

		public Duration getMaxInterval() {
			return this.maxInterval;
		}

		public void setMaxInterval(Duration maxInterval) {
			this.maxInterval = maxInterval;
		}

	}

	/**
	 * Settings of the {@code scaivault} health indicator's probe.
	 */
	public static class Health {

		/**
		 * How long one health probe waits at most for ScaiVault, connecting included. The probe
		 * is never retried.
		 */
		private Duration timeout = Duration.ofSeconds(2);

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

	}

}
