package ai.scailabs.scaivault.client.health;

import org.jspecify.annotations.Nullable;

/**
 * Answer of the health check ({@code GET /v1/health}, no authentication).
 *
 * @param status {@code ok} when the service can serve
 * @param version version of the service, if it says
 */
public record Health(String status, @Nullable String version) {

	/**
	 * Return whether the service reports itself able to serve.
	 * @return whether the status is {@code ok}
	 */
	public boolean isOk() {
		return "ok".equalsIgnoreCase(this.status);
	}

}
