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
