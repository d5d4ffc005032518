package ai.scailabs.scaivault.devserver.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import ai.scailabs.scaivault.devserver.http.ApiException;
import ai.scailabs.scaivault.devserver.http.ApiRequest;
import ai.scailabs.scaivault.devserver.http.ApiResponse;
import ai.scailabs.scaivault.devserver.http.Bodies;
import ai.scailabs.scaivault.devserver.http.Routes;

/**
 * The dev-only fault endpoints, root token only:
 * <ul>
 * <li>{@code POST /_dev/faults} {@code {"kind": "rate_limited"|"service_unavailable"|"internal_error"|"latency"|"drop_connection"|"token_expired",
 * "retry_after_seconds", "latency_ms", "requests": [3], "fraction": 0.5, "method": "POST", "path_prefix": "/v1/secrets",
 * "above_rate_per_second": 20}} adds a fault ({@code 201}); with {@code above_rate_per_second}, only the
 * requests beyond that rate fail;</li>
 * <li>{@code GET /_dev/faults} lists them; {@code DELETE /_dev/faults} removes them all ({@code 204}).</li>
 * </ul>
 */
public final class FaultsFeature {

	private final Faults faults;

	public FaultsFeature(Faults faults) {
		this.faults = faults;
	}

	public void register(Routes routes) {
		routes.post("/_dev/faults", this::add);
		routes.get("/_dev/faults", this::list);
		routes.delete("/_dev/faults", this::clear);
	}

	private static void requireRoot(ApiRequest request) {
		if (!request.principal().root()) {
			throw ApiException.accessDenied("Only the root token may manage dev server faults",
					Map.of("path", "_dev/faults", "permission", "admin"));
		}
	}

	private ApiResponse add(ApiRequest request) {
		requireRoot(request);
		ObjectNode body = request.body();
		Bodies.requireOnly(body, "the fault", "kind", "retry_after_seconds", "latency_ms", "requests", "fraction",
				"method", "path_prefix", "above_rate_per_second");
		Fault.Kind kind;
		try {
			kind = Fault.Kind.of(Bodies.requiredText(body, "kind"));
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.validation(ex.getMessage(), Map.of("field", "kind"));
		}
		Integer retryAfter = Bodies.optionalInt(body, "retry_after_seconds");
		Integer latency = Bodies.optionalInt(body, "latency_ms");
		List<Integer> requests = new ArrayList<>();
		JsonNode requestsNode = body.get("requests");
		if (requestsNode != null && !requestsNode.isNull()) {
			if (!requestsNode.isArray()) {
				throw ApiException.validation("Field 'requests' must be an array of request numbers (1-based)",
						Map.of("field", "requests"));
			}
			for (JsonNode n : requestsNode) {
				if (!n.canConvertToInt() || !n.isIntegralNumber() || n.asInt() < 1) {
					throw ApiException.validation("Field 'requests' must hold request numbers from 1",
							Map.of("field", "requests"));
				}
				requests.add(n.asInt());
			}
		}
		JsonNode fractionNode = body.get("fraction");
		double fraction = 1;
		if (fractionNode != null && !fractionNode.isNull()) {
			if (!fractionNode.isNumber() || fractionNode.asDouble() <= 0 || fractionNode.asDouble() > 1) {
				throw ApiException.validation("Field 'fraction' must be a number in (0, 1]", Map.of("field", "fraction"));
			}
			fraction = fractionNode.asDouble();
		}
		Integer perSecond = Bodies.optionalInt(body, "above_rate_per_second");
		if (perSecond != null && perSecond < 1) {
			throw ApiException.validation("Field 'above_rate_per_second' must be at least 1",
					Map.of("field", "above_rate_per_second"));
		}
		Fault fault;
		try {
			fault = new Fault(kind, Bodies.optionalText(body, "method"), Bodies.optionalText(body, "path_prefix"),
					java.util.Set.copyOf(requests), fraction,
					(retryAfter != null) ? Duration.ofSeconds(retryAfter) : null,
					(latency != null) ? Duration.ofMillis(latency) : Duration.ZERO, (perSecond != null) ? perSecond : 0);
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.validation(ex.getMessage());
		}
		this.faults.add(fault);
		return ApiResponse.created(view(fault));
	}

	private ApiResponse list(ApiRequest request) {
		requireRoot(request);
		return ApiResponse.ok(Map.of("data", this.faults.list().stream().map(FaultsFeature::view).toList()));
	}

	private ApiResponse clear(ApiRequest request) {
		requireRoot(request);
		this.faults.clear();
		return ApiResponse.noContent();
	}

	private static Map<String, Object> view(Fault fault) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("kind", fault.kind().id());
		view.put("method", fault.method());
		view.put("path_prefix", fault.pathPrefix());
		view.put("requests", fault.requests().stream().sorted().toList());
		view.put("fraction", fault.fraction());
		view.put("retry_after_seconds", (fault.retryAfter() != null) ? fault.retryAfter().toSeconds() : null);
		view.put("latency_ms", fault.latency().toMillis());
		view.put("above_rate_per_second", (fault.perSecond() > 0) ? fault.perSecond() : null);
		return view;
	}

}
