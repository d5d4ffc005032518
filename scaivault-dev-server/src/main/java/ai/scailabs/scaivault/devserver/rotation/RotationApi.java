package ai.scailabs.scaivault.devserver.rotation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import ai.scailabs.scaivault.devserver.http.ApiException;
import ai.scailabs.scaivault.devserver.http.ApiRequest;
import ai.scailabs.scaivault.devserver.http.ApiResponse;
import ai.scailabs.scaivault.devserver.http.Pagination;
import ai.scailabs.scaivault.devserver.http.Routes;
import ai.scailabs.scaivault.devserver.policy.AccessControl;
import ai.scailabs.scaivault.devserver.http.Durations;
import ai.scailabs.scaivault.devserver.secrets.JsonBody;
import ai.scailabs.scaivault.devserver.secrets.SecretPaths;
import ai.scailabs.scaivault.devserver.secrets.Timestamps;

/**
 * The rotation endpoints of contract section 6, authorized as {@code admin} on
 * {@code sys/rotation}. A policy's durations are answered as they were sent ({@code "48h"} stays
 * {@code "48h"}), and a field that was not sent ({@code grace_period}, {@code warn_before}) is not
 * answered.
 */
public final class RotationApi {

	/** The resource path that rotation administration is authorized on. */
	public static final String RESOURCE = "sys/rotation";

	private static final int MAX_TRIGGER = 100;

	private final RotationService service;

	private final AccessControl accessControl;

	/** The duration fields of each policy as sent, by policy id. */
	private final Map<String, SentDurations> sent = new ConcurrentHashMap<>();

	public RotationApi(RotationService service, AccessControl accessControl) {
		this.service = service;
		this.accessControl = accessControl;
	}

	/**
	 * Register the routes.
	 * @param routes where to register them
	 */
	public void register(Routes routes) {
		routes.post("/v1/rotation/policies", this::create);
		routes.get("/v1/rotation/policies", this::list);
		routes.get("/v1/rotation/policies/{id}", this::get);
		routes.delete("/v1/rotation/policies/{id}", this::delete);
		routes.post("/v1/rotation/policies/{id}/secrets", this::assign);
		routes.delete("/v1/rotation/policies/{id}/secrets/{path**}", this::unassign);
		routes.post("/v1/rotation/policies/{id}/trigger", this::trigger);
		routes.get("/v1/rotation/policies/{id}/history", this::history);
		routes.get("/v1/rotation/due", this::due);
	}

	ApiResponse create(ApiRequest request) {
		this.accessControl.require(request, "admin", RESOURCE);
		JsonBody body = JsonBody.of(request.body(), "name", "interval", "grace_period", "warn_before", "auto_generate");
		String name = body.requiredString("name");
		Duration interval = body.duration("interval");
		if (interval == null || interval.isZero()) {
			throw ApiException.validation("Field 'interval' is required and must be a positive duration such as 90d",
					Map.of("field", "interval"));
		}
		Duration grace = body.duration("grace_period");
		String warnText = body.string("warn_before");
		List<Duration> warnBefore = (warnText == null || warnText.isEmpty()) ? List.of()
				: Durations.parseList("warn_before", warnText);
		boolean autoGenerate = body.bool("auto_generate", false);
		RotationPolicy policy = this.service.createPolicy(name, interval, (grace != null) ? grace : Duration.ZERO,
				warnBefore, autoGenerate);
		this.sent.put(policy.id(), new SentDurations(body.string("interval"), body.string("grace_period"), warnText));
		return ApiResponse.created(view(policy));
	}

	ApiResponse list(ApiRequest request) {
		this.accessControl.require(request, "admin", RESOURCE);
		return ApiResponse.ok(Pagination.page(request, this.service.policies(), RotationPolicy::id, this::view));
	}

	ApiResponse get(ApiRequest request) {
		this.accessControl.require(request, "admin", RESOURCE);
		return ApiResponse.ok(view(this.service.policy(request.pathVariable("id"))));
	}

	ApiResponse delete(ApiRequest request) {
		this.accessControl.require(request, "admin", RESOURCE);
		this.service.deletePolicy(request.pathVariable("id"));
		this.sent.remove(request.pathVariable("id"));
		return ApiResponse.noContent();
	}

	ApiResponse assign(ApiRequest request) {
		this.accessControl.require(request, "admin", RESOURCE);
		JsonBody body = JsonBody.of(request.body(), "secret_path");
		String path = SecretPaths.validate(body.requiredString("secret_path"));
		DueSecret due = this.service.assign(request.pathVariable("id"), path);
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("policy_id", due.policyId());
		answer.put("secret_path", due.secretPath());
		answer.put("next_rotation_at", Timestamps.format(due.dueAt()));
		return ApiResponse.created(answer);
	}

	ApiResponse unassign(ApiRequest request) {
		this.accessControl.require(request, "admin", RESOURCE);
		String path = SecretPaths.validate(request.pathVariable("path"));
		this.service.unassign(request.pathVariable("id"), path);
		return ApiResponse.noContent();
	}

	ApiResponse trigger(ApiRequest request) {
		this.accessControl.require(request, "admin", RESOURCE);
		JsonBody body = JsonBody.of(request.body(), "secret_paths");
		List<String> paths = body.strings("secret_paths");
		paths = (paths != null) ? paths : List.of();
		if (paths.size() > MAX_TRIGGER) {
			throw ApiException.validation("Field 'secret_paths' holds more than " + MAX_TRIGGER + " paths",
					Map.of("field", "secret_paths"));
		}
		for (String path : paths) {
			SecretPaths.validate(path);
		}
		paths = List.copyOf(new LinkedHashSet<>(paths));
		List<Object> results = new ArrayList<>();
		for (TriggerResult result : this.service.trigger(request.pathVariable("id"), paths)) {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("secret_path", result.secretPath());
			item.put("status", result.status());
			item.put("version", result.version());
			results.add(item);
		}
		return ApiResponse.ok(Map.of("results", results));
	}

	ApiResponse history(ApiRequest request) {
		this.accessControl.require(request, "admin", RESOURCE);
		List<RotationHistoryEntry> entries = this.service.history(request.pathVariable("id"));
		List<Keyed> keyed = new ArrayList<>();
		for (int i = 0; i < entries.size(); i++) {
			// newest first, keyed by the position in the append-only history so that cursors stay valid
			long position = entries.size() - 1 - i;
			keyed.add(new Keyed(String.format("%019d", Long.MAX_VALUE - position), entries.get(i)));
		}
		return ApiResponse.ok(Pagination.page(request, keyed, Keyed::key, (item) -> view(item.entry())));
	}

	ApiResponse due(ApiRequest request) {
		this.accessControl.require(request, "admin", RESOURCE);
		String text = request.query("within_hours");
		long hours = 168;
		if (text != null && !text.isEmpty()) {
			try {
				hours = Long.parseLong(text);
			}
			catch (NumberFormatException ex) {
				hours = -1;
			}
			if (hours < 0 || hours > 24L * 365 * 100) {
				throw ApiException.validation("Query parameter 'within_hours' must be a whole number of hours, 0 or more",
						Map.of("field", "within_hours"));
			}
		}
		List<Object> data = new ArrayList<>();
		for (DueSecret due : this.service.due(Duration.ofHours(hours))) {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("secret_path", due.secretPath());
			item.put("policy_id", due.policyId());
			item.put("due_at", Timestamps.format(due.dueAt()));
			data.add(item);
		}
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("data", data);
		answer.put("has_more", false);
		answer.put("cursor", null);
		return ApiResponse.ok(answer);
	}

	private Map<String, Object> view(RotationPolicy policy) {
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("id", policy.id());
		answer.put("name", policy.name());
		SentDurations durations = this.sent.get(policy.id());
		if (durations == null) {
			durations = new SentDurations(Durations.format(policy.interval()), Durations.format(policy.gracePeriod()),
					policy.warnBefore().isEmpty() ? null
							: policy.warnBefore().stream().map(Durations::format).collect(Collectors.joining(",")));
		}
		answer.put("interval", durations.interval());
		if (durations.gracePeriod() != null) {
			answer.put("grace_period", durations.gracePeriod());
		}
		if (durations.warnBefore() != null) {
			answer.put("warn_before", durations.warnBefore());
		}
		answer.put("auto_generate", policy.autoGenerate());
		answer.put("created_at", Timestamps.format(policy.createdAt()));
		answer.put("secrets", this.service.assigned(policy.id()));
		return answer;
	}

	private static Map<String, Object> view(RotationHistoryEntry entry) {
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("secret_path", entry.secretPath());
		answer.put("status", entry.status());
		answer.put("rotated_at", Timestamps.format(entry.rotatedAt()));
		answer.put("from_version", entry.fromVersion());
		answer.put("to_version", entry.toVersion());
		return answer;
	}

	private record Keyed(String key, RotationHistoryEntry entry) {
	}

	/**
	 * A policy's duration fields as the request sent them.
	 *
	 * @param interval {@code interval}
	 * @param gracePeriod {@code grace_period}, or {@code null} when not sent
	 * @param warnBefore {@code warn_before}, or {@code null} when not sent
	 */
	private record SentDurations(@Nullable String interval, @Nullable String gracePeriod,
			@Nullable String warnBefore) {
	}

}
