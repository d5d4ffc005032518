package ai.scailabs.scaivault.boot.autoconfigure.refresh;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import ai.scailabs.scaivault.client.http.Urls;

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
	 * request for all of them; catches what a lost webhook missed. 0 turns polling off. Spread
	 * across a fleet: the first poll comes at a random point within one interval, each next one
	 * after the interval plus or minus 10%, so replicas started together never poll in lock-step.
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
		 * are resolved then, so "${local.server.port}" can be used. See "registration".
		 */
		private @Nullable String callbackUrl;

		/**
		 * How the application registers its subscription when a callback URL is set: "shared"
		 * (one subscription for all replicas, delivered to one URL such as a load balancer's) or
		 * "per-instance" (every instance its own, delivered to its own callback URL, such as
		 * "http://${POD_IP}:8080/scaivault/events", removed when it shuts down).
		 */
		private Registration registration = Registration.SHARED;

		/**
		 * Identifies this instance in the name of its per-instance subscription
		 * ("{application}-scaivault-refresh@{instance-id}"). Defaults to
		 * "spring.application.instance_id", else the host name (HOSTNAME, such as the pod's name)
		 * followed by a random suffix, so that every start is a new instance.
		 */
		private @Nullable String instanceId;

		/**
		 * How old a per-instance subscription of this application may grow before any instance
		 * deletes it as left behind by an instance that died without shutting down. Every
		 * instance replaces its own subscription every third of it, so a live one never gets
		 * that old.
		 */
		private Duration staleAfter = Duration.ofHours(1);

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

		public Registration getRegistration() {
			return this.registration;
		}

		public void setRegistration(Registration registration) {
			this.registration = registration;
		}

		public @Nullable String getInstanceId() {
			return this.instanceId;
		}

		public void setInstanceId(@Nullable String instanceId) {
			this.instanceId = instanceId;
		}

		public Duration getStaleAfter() {
			return this.staleAfter;
		}

		public void setStaleAfter(Duration staleAfter) {
			this.staleAfter = staleAfter;
		}

		@Override
		public String toString() {
			return "Webhook[path=" + this.path + ", secret=" + ((this.secret != null) ? "(redacted)" : "none")
					+ ", maxAge=" + this.maxAge + ", callbackUrl="
					+ ((this.callbackUrl != null) ? Urls.redact(this.callbackUrl) : null) + ", registration="
					+ this.registration + ", instanceId=" + this.instanceId + ", staleAfter=" + this.staleAfter + "]";
		}

	}

	/**
	 * How an application registers its subscription.
	 */
	public enum Registration {

		/**
		 * One subscription for every replica of the application, delivered to one callback URL;
		 * each start replaces it. With several replicas, pair it with Spring Cloud Bus.
		 */
		SHARED,

		/**
		 * One subscription per instance, delivered to the instance's own callback URL, removed
		 * on graceful shutdown; those of instances that died are deleted once stale.
		 */
		PER_INSTANCE

	}

}
