package ai.scailabs.scaivault.devserver.seed;

import org.junit.jupiter.api.Test;

import ai.scailabs.scaivault.devserver.DevServerHttp;
import ai.scailabs.scaivault.devserver.ScaiVaultDevServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests of seed files.
 */
class SeedLoaderTests {

	static final String SEED = """
			{
			  "clients": [{"client_id": "reporting", "client_secret": "s3cret", "identity_id": "sa:reporting-service",
			               "groups": ["group:developers"]}],
			  "policies": [{"name": "reporting-service-salesforce",
			                "rules": [{"path_pattern": "integrations/salesforce/oauth", "permissions": ["read"]}],
			                "bindings": [{"identity_type": "service_account", "identity_id": "sa:reporting-service"}]}]
			}""";

	@Test
	void seedCreatesClientsPoliciesAndBindings() {
		try (ScaiVaultDevServer server = ScaiVaultDevServer.builder().rootToken("root").seed(SEED).start()) {
			DevServerHttp http = new DevServerHttp(server);
			assertThat(http.postForm("/oauth/token",
					"grant_type=client_credentials&client_id=reporting&client_secret=s3cret").status())
				.isEqualTo(200);
			DevServerHttp.Response test = http.post("/v1/policies/test", "root",
					"{\"identity_id\": \"sa:reporting-service\", \"path\": \"integrations/salesforce/oauth\", \"permission\": \"read\"}");
			assertThat(test.json().path("allowed").asBoolean()).isTrue();
		}
	}

	@Test
	void seedCreatesSecretsAndEngines() {
		String seed = """
				{"secrets": {"integrations/salesforce/oauth": {"data": {"client_id": "3MVG9..."}, "secret_type": "json"}},
				 "engines": [{"name": "samples", "type": "h2", "roles": [{"name": "readonly"}]}]}""";
		try (ScaiVaultDevServer server = ScaiVaultDevServer.builder().rootToken("root").seed(seed).start()) {
			DevServerHttp http = new DevServerHttp(server);
			assertThat(http.get("/v1/secrets/integrations/salesforce/oauth", "root").json().path("data")
				.path("client_id").asString()).isEqualTo("3MVG9...");
			DevServerHttp.Response lease = http.post("/v1/dynamic/samples/creds/readonly", "root", "{}");
			assertThat(lease.status()).as(lease.toString()).isEqualTo(200);
			assertThat(lease.json().path("lease_id").asString()).startsWith("lease_");
		}
	}

	@Test
	void seedWhenRequestFailsThrowsNamingTheRequest() {
		try (ScaiVaultDevServer server = ScaiVaultDevServer.builder().start()) {
			assertThatIllegalStateException()
				.isThrownBy(() -> server.seed("{\"policies\": [{\"name\": \"no-rules\"}]}"))
				.withMessageContaining("POST /v1/policies")
				.withMessageContaining("validation_error");
		}
	}

	@Test
	void seedWhenFieldIsUnknownThrowsIllegalArgument() {
		try (ScaiVaultDevServer server = ScaiVaultDevServer.builder().start()) {
			assertThatIllegalArgumentException().isThrownBy(() -> server.seed("{\"users\": []}"))
				.withMessageContaining("users");
			assertThatIllegalArgumentException().isThrownBy(() -> server.seed("[1]"));
			assertThatIllegalArgumentException().isThrownBy(() -> server.seed("{"));
		}
	}

}
