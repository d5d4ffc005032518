package ai.scailabs.scaivault.devserver.pki;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import ai.scailabs.scaivault.devserver.DevServerHttp;
import ai.scailabs.scaivault.devserver.ScaiVaultDevServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Calls of the PKI routes over real HTTP for the tests, as root.
 */
final class PkiHttp {

	private static final JsonMapper json = JsonMapper.builder().build();

	final ScaiVaultDevServer server;

	final DevServerHttp http;

	PkiHttp(ScaiVaultDevServer server) {
		this.server = server;
		this.http = new DevServerHttp(server);
	}

	static String body(Map<String, ?> fields) {
		return json.writeValueAsString(fields);
	}

	DevServerHttp.Response post(String path, Map<String, ?> fields) {
		return this.http.post(path, this.server.rootToken(), body(fields));
	}

	DevServerHttp.Response get(String path) {
		return this.http.get(path, this.server.rootToken());
	}

	JsonNode createRootCa(String name, String keyType, int keySize) {
		DevServerHttp.Response response = post("/v1/pki/cas", Map.of("name", name, "common_name", name + " Root CA",
				"ca_type", "root", "key_type", keyType, "key_size", keySize, "validity_days", 3650));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json();
	}

	JsonNode createIntermediateCa(String name, String parentId) {
		DevServerHttp.Response response = post("/v1/pki/cas", Map.of("name", name, "common_name", name + " CA",
				"ca_type", "intermediate", "parent_ca_id", parentId, "key_type", "ec", "key_size", 256,
				"validity_days", 1825));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json();
	}

	JsonNode createRole(String name, String caId, String keyType, int keySize) {
		DevServerHttp.Response response = post("/v1/pki/roles",
				Map.of("name", name, "ca_id", caId, "allowed_domains", List.of("svc.cluster.local", "localhost"),
						"allow_subdomains", true, "allow_ip_sans", true, "server_auth", true, "client_auth", true,
						"max_ttl", "720h", "key_type", keyType, "key_size", keySize));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json();
	}

	JsonNode issue(String role, String commonName, List<String> altNames, List<String> ipSans) {
		DevServerHttp.Response response = post("/v1/pki/issue", Map.of("role", role, "common_name", commonName,
				"alt_names", altNames, "ip_sans", ipSans, "ttl", "168h"));
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json();
	}

	static List<String> strings(JsonNode array) {
		return array.valueStream().map(JsonNode::asString).toList();
	}

}
