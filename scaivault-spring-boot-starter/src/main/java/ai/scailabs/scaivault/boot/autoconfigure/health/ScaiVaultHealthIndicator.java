package ai.scailabs.scaivault.boot.autoconfigure.health;

import java.time.Duration;
import java.time.Instant;

import ai.scailabs.scaivault.client.ScaiVaultClient;
import ai.scailabs.scaivault.client.ScaiVaultException;
import ai.scailabs.scaivault.client.health.Health;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@link HealthIndicator} for ScaiVault: one probe, bounded by a short timeout, never retried and
 * leaving no audit entry. {@code UP}, with the service's version, when the unauthenticated
 * {@code GET /v1/health} answers {@code ok} in time and the client holds a token (a static token;
 * with client credentials, a cached token or one exchange at the token endpoint, not at
 * ScaiVault). {@code DOWN} otherwise, with the error code (such as {@code timeout},
 * {@code connection_error}, {@code service_unavailable} or {@code invalid_client}) and the request
 * id. A static token the service has revoked is not detected here (that would take an audited,
 * authenticated call on every probe): the first real call reports it. Details never hold a token
 * or a secret value.
 */
public class ScaiVaultHealthIndicator extends AbstractHealthIndicator {

	/** How long one probe waits at most, connecting included, unless told otherwise. */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

	private final ScaiVaultClient client;

	private final Duration timeout;

	/**
	 * Create an indicator that probes through the given client within {@link #DEFAULT_TIMEOUT}.
	 * @param client the client
	 */
	public ScaiVaultHealthIndicator(ScaiVaultClient client) {
		this(client, DEFAULT_TIMEOUT);
	}

	/**
	 * Create an indicator that probes through the given client within the given time.
	 * @param client the client
	 * @param timeout how long one probe waits at most
	 */
	public ScaiVaultHealthIndicator(ScaiVaultClient client, Duration timeout) {
		super("ScaiVault health check failed");
		this.client = client;
		this.timeout = timeout;
	}

	@Override
	protected void doHealthCheck(org.springframework.boot.health.contributor.Health.Builder builder) {
		Instant deadline = Instant.now().plus(this.timeout);
		Health health;
		try {
			health = this.client.health(this.timeout);
		}
		catch (ScaiVaultException ex) {
			down(builder, ex);
			return;
		}
		if (health.version() != null) {
			builder.withDetail("version", health.version());
		}
		if (!health.isOk()) {
			builder.down().withDetail("status", health.status());
			return;
		}
		try {
			Duration left = Duration.between(Instant.now(), deadline);
			this.client.checkToken(left.isNegative() ? Duration.ZERO : left);
		}
		catch (ScaiVaultException ex) {
			down(builder, ex);
			return;
		}
		builder.up();
	}

	private void down(org.springframework.boot.health.contributor.Health.Builder builder, ScaiVaultException ex) {
		builder.down().withDetail("error", ex.getCode());
		if (ex.getStatusCode() != 0) {
			builder.withDetail("statusCode", ex.getStatusCode());
		}
		if (ex.getRequestId() != null) {
			builder.withDetail("requestId", ex.getRequestId());
		}
	}

}
