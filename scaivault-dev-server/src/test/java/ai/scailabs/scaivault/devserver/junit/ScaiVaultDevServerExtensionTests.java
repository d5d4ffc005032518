package ai.scailabs.scaivault.devserver.junit;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import ai.scailabs.scaivault.devserver.DevServerHttp;
import ai.scailabs.scaivault.devserver.ScaiVaultDevServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of {@link ScaiVaultDevServerExtension} through {@link ScaiVaultDevServerTest}.
 */
@ScaiVaultDevServerTest(rootToken = "ext-root", clients = "reporting:s3cret:sa:reporting-service:group:developers",
		seed = "ai/scailabs/scaivault/devserver/junit/extension-seed.json")
class ScaiVaultDevServerExtensionTests {

	static ScaiVaultDevServer staticServer;

	ScaiVaultDevServer server;

	@Test
	void injectsServerIntoFieldsAndParameters(ScaiVaultDevServer parameter) {
		assertThat(this.server).isNotNull();
		assertThat(parameter).isSameAs(this.server).isSameAs(staticServer);
		assertThat(parameter.rootToken()).isEqualTo("ext-root");
	}

	@Test
	void serverAnswersWithConfiguredClientsAndSeed(ScaiVaultDevServer server) {
		DevServerHttp http = new DevServerHttp(server);
		assertThat(http.get("/v1/health", null).status()).isEqualTo(200);
		assertThat(http.postForm("/oauth/token", "grant_type=client_credentials&client_id=reporting&client_secret=s3cret")
			.status()).isEqualTo(200);
		assertThat(http.get("/v1/policies", "ext-root").json().path("data").get(0).path("name").asString())
			.isEqualTo("from-extension-seed");
	}

	@Nested
	class Inner {

		@Test
		void nestedClassSharesServer(ScaiVaultDevServer parameter) {
			assertThat(parameter).isSameAs(staticServer);
		}

	}

}
