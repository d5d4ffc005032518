package ai.scailabs.scaivault.boot.autoconfigure.health;

import ai.scailabs.scaivault.client.ScaiVaultClient;
import ai.scailabs.scaivault.client.ScaiVaultException;
import ai.scailabs.scaivault.client.health.Health;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@link HealthIndicator} for ScaiVault. {@code UP}, with the service's version, when
 * {@code GET /v1/health} answers {@code ok} and an authenticated call is accepted: its credentials
 * are valid, even if the call is not allowed ({@code access_denied}). {@code DOWN} otherwise, with
 * the error code (such as {@code connection_error}, {@code service_unavailable} or
 * {@code token_expired}) and the request id. Details never hold a token or a secret value.
 */
public class ScaiVaultHealthIndicator extends AbstractHealthIndicator {

	private static final String ACCESS_DENIED = "access_denied";

	private final ScaiVaultClient client;

	/**
	 * Create an indicator that checks through the given client.
	 * @param client the client
	 */
	public ScaiVaultHealthIndicator(ScaiVaultClient client) {
		super("ScaiVault health check failed");
		this.client = client;
	}

	@Override
	protected void doHealthCheck(org.springframework.boot.health.contributor.Health.Builder builder) {
		Health health;
		try {
			health = this.client.health();
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
			this.client.secrets().list(null, 1, null);
		}
		catch (ScaiVaultException ex) {
			if (!ACCESS_DENIED.equals(ex.getCode())) {
				down(builder, ex);
				return;
			}
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
