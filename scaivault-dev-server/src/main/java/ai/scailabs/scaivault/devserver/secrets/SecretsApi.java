package ai.scailabs.scaivault.devserver.secrets;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import ai.scailabs.scaivault.devserver.http.ApiException;
import ai.scailabs.scaivault.devserver.http.ApiRequest;
import ai.scailabs.scaivault.devserver.http.ApiResponse;
import ai.scailabs.scaivault.devserver.http.Pagination;
import ai.scailabs.scaivault.devserver.http.Routes;
import ai.scailabs.scaivault.devserver.policy.AccessControl;

/**
 * The secrets endpoints of contract section 4 over a {@link SecretStore}. Every action is
 * authorized on the secret's own path ({@code write}, {@code read}, {@code delete}, {@code rotate},
 * {@code list}); a batch authorizes each path on its own.
 */
public final class SecretsApi {

	/** Most paths in one batch read. */
	public static final int MAX_BATCH = 100;

	private final SecretStore store;

	private final AccessControl accessControl;

	public SecretsApi(SecretStore store, AccessControl accessControl) {
		this.store = store;
		this.accessControl = accessControl;
	}

	/**
	 * Register the routes.
	 * @param routes where to register them
	 */
	public void register(Routes routes) {
		routes.get("/v1/secrets", this::list);
		routes.post("/v1/secrets/batch", this::batch);
		routes.put("/v1/secrets/{path**}", this::write);
		routes.get("/v1/secrets/{path**}", this::read);
		routes.delete("/v1/secrets/{path**}", this::delete);
		routes.patch("/v1/secrets/{path**}/metadata", this::updateMetadata);
		routes.post("/v1/secrets/{path**}/rotate", this::rotate);
	}

	/** A write repeated with the same key acts once (contract section 4). */
	static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";

	ApiResponse write(ApiRequest request) {
		String path = SecretPaths.validate(request.pathVariable("path"));
		this.accessControl.require(request, "write", path);
		JsonBody body = JsonBody.of(request.body(), "data", "secret_type", "metadata", "options");
		ObjectNode data = body.requiredObject("data");
		String secretType = body.string("secret_type");
		if (secretType != null) {
			SecretTypes.validate(secretType);
		}
		SecretMetadata metadata = metadata(body, "metadata");
		JsonBody options = body.nested("options", "max_versions", "cas");
		Integer maxVersions = (options != null) ? options.integer("max_versions", 1, 10_000) : null;
		Integer cas = (options != null) ? options.integer("cas", 0, Integer.MAX_VALUE) : null;
		WriteResult result = this.store.write(path, data, secretType, metadata, maxVersions, cas,
				request.header(IDEMPOTENCY_KEY_HEADER));
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("path", result.path());
		answer.put("version", result.version());
		answer.put("created_at", Timestamps.format(result.createdAt()));
		return ApiResponse.ok(answer);
	}

	ApiResponse read(ApiRequest request) {
		String path = SecretPaths.validate(request.pathVariable("path"));
		Integer version = version(request.query("version"));
		this.accessControl.require(request, "read", path);
		return ApiResponse.ok(view(this.store.read(path, version)));
	}

	ApiResponse updateMetadata(ApiRequest request) {
		String path = SecretPaths.validate(request.pathVariable("path"));
		this.accessControl.require(request, "write", path);
		JsonBody body = JsonBody.of(request.body(), "metadata");
		SecretMetadata metadata = metadata(body, "metadata");
		if (metadata == null) {
			throw ApiException.validation("Field 'metadata' is required", Map.of("field", "metadata"));
		}
		return ApiResponse.ok(this.store.updateMetadata(path, metadata).toJson());
	}

	ApiResponse delete(ApiRequest request) {
		String path = SecretPaths.validate(request.pathVariable("path"));
		boolean permanent = flag(request.query("permanent"), "permanent");
		this.accessControl.require(request, "delete", path);
		this.store.delete(path, permanent);
		return ApiResponse.noContent();
	}

	/**
	 * Rotate: without {@code grace_period} the previous version stops being readable at once (its
	 * grace period ends at the rotation).
	 */
	ApiResponse rotate(ApiRequest request) {
		String path = SecretPaths.validate(request.pathVariable("path"));
		this.accessControl.require(request, "rotate", path);
		JsonBody body = JsonBody.of(request.body(), "reason", "new_value", "grace_period");
		String reason = body.string("reason");
		ObjectNode newValue = body.object("new_value");
		Duration grace = body.duration("grace_period");
		RotationResult result = this.store.rotate(path, newValue, (grace != null) ? grace : Duration.ZERO,
				(reason != null) ? reason : "manual");
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("path", result.path());
		answer.put("version", result.version());
		answer.put("previous_version", result.previousVersion());
		answer.put("grace_period_ends_at", Timestamps.format(result.gracePeriodEndsAt()));
		return ApiResponse.ok(answer);
	}

	ApiResponse list(ApiRequest request) {
		String prefix = request.query("prefix");
		int limit = Pagination.limit(request.query("limit"));
		String cursor = request.query("cursor");
		String listed = (prefix != null) ? prefix : "";
		// One audit entry for the listing; each candidate path is filtered without one.
		Predicate<String> visible = (path) -> this.accessControl.allows(request, "list", path);
		SecretPage page = this.store.list(listed, limit, (cursor != null && !cursor.isEmpty()) ? cursor : null,
				visible);
		this.accessControl.record(request, "list", listed, true);
		List<Object> data = new ArrayList<>();
		for (SecretSummary summary : page.data()) {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("path", summary.path());
			item.put("version", summary.version());
			item.put("secret_type", summary.secretType());
			item.put("updated_at", Timestamps.format(summary.updatedAt()));
			data.add(item);
		}
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("data", data);
		answer.put("has_more", page.hasMore());
		answer.put("cursor", page.cursor());
		return ApiResponse.ok(answer);
	}

	ApiResponse batch(ApiRequest request) {
		JsonBody body = JsonBody.of(request.body(), "paths");
		List<String> paths = body.requiredStrings("paths");
		if (paths.size() > MAX_BATCH) {
			throw ApiException.validation("Field 'paths' holds " + paths.size() + " paths; a batch reads at most "
					+ MAX_BATCH + ", split it", Map.of("field", "paths", "max", MAX_BATCH));
		}
		Map<String, Object> secrets = new LinkedHashMap<>();
		Map<String, Object> errors = new LinkedHashMap<>();
		for (String path : paths) {
			if (secrets.containsKey(path) || errors.containsKey(path)) {
				continue;
			}
			try {
				SecretPaths.validate(path);
				this.accessControl.require(request, "read", path);
				secrets.put(path, view(this.store.read(path, null)));
			}
			catch (ApiException ex) {
				errors.put(path, error(ex, request.requestId()));
			}
		}
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("secrets", secrets);
		answer.put("errors", errors);
		return ApiResponse.ok(answer);
	}

	static Map<String, Object> view(SecretVersion secret) {
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("path", secret.path());
		answer.put("version", secret.version());
		answer.put("data", secret.data());
		answer.put("secret_type", secret.secretType());
		answer.put("metadata", secret.metadata().toJson());
		answer.put("created_at", Timestamps.format(secret.createdAt()));
		answer.put("updated_at", Timestamps.format(secret.updatedAt()));
		return answer;
	}

	private static Map<String, Object> error(ApiException ex, String requestId) {
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("code", ex.code().code());
		error.put("message", ex.getMessage());
		error.put("details", ex.details());
		error.put("request_id", requestId);
		return error;
	}

	/**
	 * Read a metadata object: {@code description} must be a string, {@code tags} an array of
	 * strings; other fields are the writer's own descriptive fields and are kept as they are.
	 */
	private static @Nullable SecretMetadata metadata(JsonBody body, String field) {
		ObjectNode node = body.object(field);
		if (node == null) {
			return null;
		}
		JsonBody metadata = JsonBody.anyFields(node, body.field(field) + ".");
		Map<String, JsonNode> custom = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> property : node.properties()) {
			if (!property.getKey().equals("description") && !property.getKey().equals("tags")) {
				custom.put(property.getKey(), property.getValue());
			}
		}
		List<String> tags = metadata.strings("tags");
		return new SecretMetadata(metadata.string("description"), (tags != null) ? tags : List.of(), custom);
	}

	private static @Nullable Integer version(@Nullable String text) {
		if (text == null || text.isEmpty()) {
			return null;
		}
		try {
			int version = Integer.parseInt(text);
			if (version >= 1) {
				return version;
			}
		}
		catch (NumberFormatException ex) {
			// fall through
		}
		throw ApiException.validation("Query parameter 'version' must be a positive integer", Map.of("field", "version"));
	}

	private static boolean flag(@Nullable String text, String name) {
		if (text == null || text.isEmpty() || text.equals("false")) {
			return false;
		}
		if (text.equals("true")) {
			return true;
		}
		throw ApiException.validation("Query parameter '" + name + "' must be true or false", Map.of("field", name));
	}

}
