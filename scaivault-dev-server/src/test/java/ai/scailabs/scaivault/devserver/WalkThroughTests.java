package ai.scailabs.scaivault.devserver;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first-integration walk-through over real HTTP with its curl bodies verbatim: store the
 * secret as admin, create and bind the policy, read as {@code sa:reporting-service}.
 */
class WalkThroughTests {

	static final String ADMIN_TOKEN = "dev-root";

	static ScaiVaultDevServer server;

	static DevServerHttp http;

	@BeforeAll
	static void start() {
		server = ScaiVaultDevServer.builder()
			.rootToken(ADMIN_TOKEN)
			.client("reporting-service", "reporting-secret", "sa:reporting-service")
			.start();
		http = new DevServerHttp(server);
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@Test
	void serviceAccountReadsItsOneSecretAndNothingElse() {
		assertThat(http.put("/v1/secrets/integrations/salesforce/oauth", ADMIN_TOKEN, WalkThroughBodies.STORE_SECRET)
			.status())
			.isEqualTo(200);
		assertThat(http.put("/v1/secrets/integrations/stripe/key", ADMIN_TOKEN, "{\"data\": {\"k\": \"v\"}}").status())
			.isEqualTo(200);
		DevServerHttp.Response policy = http.post("/v1/policies", ADMIN_TOKEN, WalkThroughBodies.CREATE_POLICY);
		assertThat(policy.status()).isEqualTo(201);
		String policyId = policy.json().path("id").asString();
		assertThat(http.post("/v1/policies/" + policyId + "/bindings", ADMIN_TOKEN, WalkThroughBodies.BIND).status())
			.isEqualTo(201);

		String token = http.postForm("/oauth/token",
				"grant_type=client_credentials&client_id=reporting-service&client_secret=reporting-secret")
			.json()
			.path("access_token")
			.asString();
		DevServerHttp.Response secret = http.get("/v1/secrets/integrations/salesforce/oauth", token);
		assertThat(secret.status()).isEqualTo(200);
		assertThat(secret.json().path("data").path("client_id").asString()).isEqualTo("3MVG9...");
		DevServerHttp.Response other = http.get("/v1/secrets/integrations/stripe/key", token);
		assertThat(other.status()).isEqualTo(403);
		assertThat(other.errorCode()).isEqualTo("access_denied");

		DevServerHttp.Response audit = http.get("/v1/audit?path=integrations/salesforce/oauth&identity_id=sa:reporting-service",
				ADMIN_TOKEN);
		assertThat(audit.json().path("data").size()).isEqualTo(1);
		assertThat(audit.json().path("data").get(0).path("result").asString()).isEqualTo("allowed");
		assertThat(audit.body()).doesNotContain("3MVG9");
	}

}
