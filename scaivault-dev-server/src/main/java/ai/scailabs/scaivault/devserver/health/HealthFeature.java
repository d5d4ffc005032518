package ai.scailabs.scaivault.devserver.health;

import java.util.LinkedHashMap;
import java.util.Map;

import ai.scailabs.scaivault.devserver.http.ApiResponse;
import ai.scailabs.scaivault.devserver.http.Routes;

/**
 * {@code GET /v1/health}, without authentication: {@code {"status": "ok", "version"}}. While a
 * fault matches the path, the fault answers instead (for example {@code 503 service_unavailable}).
 */
public final class HealthFeature {

	private final String version;

	public HealthFeature(String version) {
		this.version = version;
	}

	public void register(Routes routes) {
		routes.anonymous("GET", "/v1/health", (request) -> {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("status", "ok");
			body.put("version", this.version);
			return ApiResponse.ok(body);
		});
	}

}
