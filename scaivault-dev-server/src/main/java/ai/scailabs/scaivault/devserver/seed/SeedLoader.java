package ai.scailabs.scaivault.devserver.seed;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import ai.scailabs.scaivault.devserver.ScaiVaultDevServer;
import ai.scailabs.scaivault.devserver.http.ApiResponse;

/**
 * Applies a seed file by dispatching the equivalent API requests, as root, through the server's
 * router. The seed is a JSON object with these optional fields:
 * <pre class="code">
 * {
 *   "clients":  [{"client_id", "client_secret", "identity_id", "groups": [...]}],
 *   "policies": [{"name", "description", "rules": [...], "bindings": [{"identity_type", "identity_id"}]}],
 *   "secrets":  {"app/db/password": {"data": {...}, "secret_type": "json"}},
 *   "engines":  [{"name", "type", "connection_url", "username", "password", "roles": [{"name", ...}]}]
 * }
 * </pre>
 * A request that fails stops the seeding with an {@link IllegalStateException} naming the request
 * and the server's error.
 */
public final class SeedLoader {

	private static final Set<String> FIELDS = Set.of("clients", "policies", "secrets", "engines");

	private SeedLoader() {
	}

	/**
	 * @param json the seed
	 * @param server the server to seed
	 */
	public static void apply(String json, ScaiVaultDevServer server) {
		JsonNode root;
		try {
			root = server.context().json().readTree(json);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("The seed is not valid JSON (line " + ex.getLocation().getLineNr()
					+ ", column " + ex.getLocation().getColumnNr() + ")");
		}
		if (!(root instanceof ObjectNode seed)) {
			throw new IllegalArgumentException("The seed must be a JSON object with clients, policies, secrets, engines");
		}
		for (String name : seed.propertyNames()) {
			if (!FIELDS.contains(name)) {
				throw new IllegalArgumentException(
						"Unknown field '" + name + "' in the seed; allowed fields are " + new java.util.TreeSet<>(FIELDS));
			}
		}
		for (JsonNode client : array(seed, "clients")) {
			applyClient(client, server);
		}
		for (JsonNode policy : array(seed, "policies")) {
			applyPolicy(policy, server);
		}
		JsonNode secrets = seed.get("secrets");
		if (secrets != null && !secrets.isNull()) {
			if (!secrets.isObject()) {
				throw new IllegalArgumentException("Seed field 'secrets' must map secret paths to PUT bodies");
			}
			for (Map.Entry<String, JsonNode> secret : secrets.properties()) {
				send(server, "PUT", "/v1/secrets/" + secret.getKey(), secret.getValue());
			}
		}
		for (JsonNode engine : array(seed, "engines")) {
			applyEngine(engine, server);
		}
	}

	private static Iterable<JsonNode> array(ObjectNode seed, String field) {
		JsonNode node = seed.get(field);
		if (node == null || node.isNull()) {
			return java.util.List.of();
		}
		if (!node.isArray()) {
			throw new IllegalArgumentException("Seed field '" + field + "' must be an array");
		}
		return node;
	}

	private static void applyClient(JsonNode client, ScaiVaultDevServer server) {
		String clientId = text(client, "client_id", "clients");
		String clientSecret = text(client, "client_secret", "clients");
		String identityId = text(client, "identity_id", "clients");
		java.util.List<String> groups = new java.util.ArrayList<>();
		JsonNode groupsNode = client.get("groups");
		if (groupsNode != null && groupsNode.isArray()) {
			groupsNode.forEach((group) -> groups.add(group.asString()));
		}
		server.addClient(clientId, clientSecret, identityId, groups.toArray(String[]::new));
	}

	private static void applyPolicy(JsonNode policy, ScaiVaultDevServer server) {
		if (!(policy instanceof ObjectNode body)) {
			throw new IllegalArgumentException("Every seed policy must be a JSON object");
		}
		ObjectNode create = body.deepCopy();
		JsonNode bindings = create.remove("bindings");
		ApiResponse created = send(server, "POST", "/v1/policies", create);
		String id = server.context().json().valueToTree(created.body()).path("id").asString();
		if (bindings != null && bindings.isArray()) {
			for (JsonNode binding : bindings) {
				send(server, "POST", "/v1/policies/" + id + "/bindings", binding);
			}
		}
	}

	private static void applyEngine(JsonNode engine, ScaiVaultDevServer server) {
		if (!(engine instanceof ObjectNode body)) {
			throw new IllegalArgumentException("Every seed engine must be a JSON object");
		}
		ObjectNode create = body.deepCopy();
		JsonNode roles = create.remove("roles");
		String name = text(create, "name", "engines");
		send(server, "POST", "/v1/dynamic/engines", create);
		if (roles != null && roles.isArray()) {
			for (Iterator<JsonNode> it = roles.iterator(); it.hasNext();) {
				send(server, "POST", "/v1/dynamic/engines/" + name + "/roles", it.next());
			}
		}
	}

	private static String text(JsonNode node, String field, String where) {
		JsonNode value = node.get(field);
		if (value == null || !value.isString() || value.asString().isEmpty()) {
			throw new IllegalArgumentException("Every seed entry of '" + where + "' needs '" + field + "'");
		}
		return value.asString();
	}

	private static ApiResponse send(ScaiVaultDevServer server, String method, String path, JsonNode body) {
		ApiResponse response = server.dispatchAsRoot(method, path, body.toString());
		if (response.status() >= 300) {
			JsonNode error = server.context().json().valueToTree(response.body()).path("error");
			throw new IllegalStateException("Seed request " + method + " " + path + " failed with "
					+ response.status() + " " + error.path("code").asString() + ": " + error.path("message").asString());
		}
		return response;
	}

}
