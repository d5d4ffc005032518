package ai.scailabs.scaivault.boot.autoconfigure.refresh;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Live rotation of the secrets that {@code spring.config.import=scaivault:...} imported: the
 * webhook receiver, the polling fallback and the self-registered subscription.
 *
 * @author ScaiLabs
 */
@ConfigurationProperties(ScaiVaultRefreshProperties.PREFIX)
public class ScaiVaultRefreshProperties {

	/**
	 * Prefix of the properties.
	 */
	public static final String PREFIX = "scaivault.refresh";

	/**
	 * How often to compare the versions of every imported path with ScaiVault's, in one batch
	 * request for all of them; catches what a lost webhook missed. 0 turns polling off.
	 */
	private Duration pollInterval = Duration.ofMinutes(5);

	private final Webhook webhook = new Webhook();

	public Duration getPollInterval() {
		return this.pollInterval;
	}

	public void setPollInterval(Duration pollInterval) {
		this.pollInterval = pollInterval;
	}

	public Webhook getWebhook() {
		return this.webhook;
	}

	/**
	 * The webhook receiver.
	 */
	public static class Webhook {

		/**
		 * Path of the endpoint that receives ScaiVault's event deliveries (POST).
		 */
		private String path = "/scaivault/events";

		/**
		 * Key of the deliveries' HMAC-SHA256 signatures (the subscription's delivery secret, such
		 * as "whsec_..."). Defaults to the SCAIVAULT_WEBHOOK_SECRET environment variable. Without
		 * it there is no endpoint; polling still works.
		 */
		private @Nullable String secret;

		/**
		 * How old an event's occurred_at may be (and how far in the future) before the delivery
		 * is rejected as stale; event ids are remembered for as long, to reject replays.
		 */
		private Duration maxAge = Duration.ofMinutes(5);

		/**
		 * URL at which ScaiVault reaches the endpoint, such as
		 * "https://reporting.example.com/scaivault/events". When set, the application creates
		 * (or replaces) its own subscription at start-up for the paths it imported. Placeholders
		 * are resolved then, so "${local.server.port}" can be used.
		 */
		private @Nullable String callbackUrl;

		public String getPath() {
			return this.path;
		}

		public void setPath(String path) {
			this.path = path;
		}

		public @Nullable String getSecret() {
			return this.secret;
		}

		public void setSecret(@Nullable String secret) {
			this.secret = secret;
		}

		public Duration getMaxAge() {
			return this.maxAge;
		}

		public void setMaxAge(Duration maxAge) {
			this.maxAge = maxAge;
		}

		public @Nullable String getCallbackUrl() {
			return this.callbackUrl;
		}

		public void setCallbackUrl(@Nullable String callbackUrl) {
			this.callbackUrl = callbackUrl;
		}

		@Override
		public String toString() {
			return "Webhook[path=" + this.path + ", secret=" + ((this.secret != null) ? "(redacted)" : "none")
					+ ", maxAge=" + this.maxAge + ", callbackUrl=" + this.callbackUrl + "]";
		}

	}

}
