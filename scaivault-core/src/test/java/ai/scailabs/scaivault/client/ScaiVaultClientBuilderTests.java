package ai.scailabs.scaivault.client;

import java.util.HashMap;
import java.util.Map;

import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ai.scailabs.scaivault.client.acme.AcmeOperations;
import ai.scailabs.scaivault.client.acme.AsyncAcmeOperations;
import ai.scailabs.scaivault.client.audit.AsyncAuditOperations;
import ai.scailabs.scaivault.client.audit.AuditOperations;
import ai.scailabs.scaivault.client.dynamic.AsyncDynamicOperations;
import ai.scailabs.scaivault.client.dynamic.DynamicOperations;
import ai.scailabs.scaivault.client.pki.AsyncPkiOperations;
import ai.scailabs.scaivault.client.pki.PkiOperations;
import ai.scailabs.scaivault.client.policies.AsyncPolicyOperations;
import ai.scailabs.scaivault.client.policies.PolicyOperations;
import ai.scailabs.scaivault.client.rotation.AsyncRotationOperations;
import ai.scailabs.scaivault.client.rotation.RotationOperations;
import ai.scailabs.scaivault.client.secrets.AsyncSecretOperations;
import ai.scailabs.scaivault.client.secrets.SecretOperations;
import ai.scailabs.scaivault.client.subscriptions.AsyncSubscriptionOperations;
import ai.scailabs.scaivault.client.subscriptions.SubscriptionOperations;

import static ai.scailabs.scaivault.client.WireTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The builder: environment defaults, precedence, clear errors for missing settings, and a
 * {@code toString()} without secrets.
 */
class ScaiVaultClientBuilderTests {

	private static final String SECRET = "{\"path\": \"a/b\", \"version\": 1, \"data\": {}}";

	private final MockWebServer server = new MockWebServer();

	private final Map<String, String> environment = new HashMap<>();

	@BeforeEach
	void setUp() throws Exception {
		this.server.start();
	}

	@AfterEach
	void tearDown() {
		this.server.close();
	}

	private ScaiVaultClientBuilder builder() {
		return ScaiVaultClient.builder().environment(this.environment::get);
	}

	private String url() {
		return this.server.url("/").toString();
	}

	@Test
	void buildWithNothingSetReadsBaseUrlAndTokenFromEnvironment() throws Exception {
		this.environment.put("SCAIVAULT_BASE_URL", url());
		this.environment.put("SCAIVAULT_TOKEN", "env-token");
		this.server.enqueue(json(200, SECRET));
		try (ScaiVaultClient client = builder().build()) {
			client.secrets().read("a/b");
		}
		RecordedRequest request = this.server.takeRequest();
		assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer env-token");
	}

	@Test
	void buildWithClientCredentialsInEnvironmentUsesTokenEndpoint() throws Exception {
		this.environment.put("SCAIVAULT_BASE_URL", url());
		this.environment.put("SCAIKEY_CLIENT_ID", "env-client");
		this.environment.put("SCAIKEY_CLIENT_SECRET", "env-secret");
		this.server.enqueue(json(200, "{\"access_token\": \"cc-token\", \"token_type\": \"Bearer\", \"expires_in\": 300}"));
		this.server.enqueue(json(200, SECRET));
		try (ScaiVaultClient client = builder().build()) {
			assertThat(client.toString()).contains("client-credentials").contains("env-client")
				.doesNotContain("env-secret");
			client.secrets().read("a/b");
		}
		RecordedRequest token = this.server.takeRequest();
		assertThat(token.getTarget()).isEqualTo("/oauth/token");
		assertThat(token.getBody().utf8()).contains("client_id=env-client", "client_secret=env-secret");
		assertThat(this.server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer cc-token");
	}

	@Test
	void builderSettingsWinOverEnvironment() throws Exception {
		this.environment.put("SCAIVAULT_BASE_URL", "https://wrong.example");
		this.environment.put("SCAIVAULT_TOKEN", "env-token");
		this.server.enqueue(json(200, SECRET));
		try (ScaiVaultClient client = builder().baseUrl(url()).token("builder-token").build()) {
			client.secrets().read("a/b");
		}
		assertThat(this.server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer builder-token");
	}

	@Test
	void tokenWinsOverClientCredentialsFromEnvironment() throws Exception {
		this.environment.put("SCAIKEY_CLIENT_ID", "env-client");
		this.environment.put("SCAIKEY_CLIENT_SECRET", "env-secret");
		try (ScaiVaultClient client = builder().baseUrl(url()).token("t").build()) {
			assertThat(client.toString()).contains("auth=token");
		}
	}

	@Test
	void buildWithoutBaseUrlNamesTheVariableAndTheBuilderMethod() {
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> builder().token("t").build())
			.withMessageContaining("SCAIVAULT_BASE_URL")
			.withMessageContaining("baseUrl(");
	}

	@Test
	void buildWithoutCredentialsNamesTheVariablesAndTheBuilderMethods() {
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> builder().baseUrl(url()).build())
			.withMessageContaining("SCAIVAULT_TOKEN")
			.withMessageContaining("SCAIKEY_CLIENT_ID")
			.withMessageContaining("SCAIKEY_CLIENT_SECRET")
			.withMessageContaining("token(")
			.withMessageContaining("clientCredentials(");
	}

	@Test
	void buildWithClientIdButNoSecretInEnvironmentNamesTheMissingVariable() {
		this.environment.put("SCAIKEY_CLIENT_ID", "env-client");
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> builder().baseUrl(url()).build())
			.withMessageContaining("SCAIKEY_CLIENT_SECRET");
	}

	@Test
	void buildWithClientIdButNoSecretNamesTheBuilderMethod() {
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> builder().baseUrl(url()).clientId("id").build())
			.withMessageContaining("clientSecret(");
	}

	@Test
	void buildWithInvalidBaseUrlFails() {
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> builder().baseUrl("ftp://host").token("t").build())
			.withMessageContaining("ftp://host");
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> builder().baseUrl("https://user:pw@host").token("t").build())
			.withMessageNotContaining("pw");
	}

	@Test
	void buildWithUserInfoInBaseUrlFailsWithoutEchoingIt() {
		for (String url : new String[] { "https://u:pw@bad_host", "https://u:pw@host", "https://u:p/w@host",
				"https://u:pw@host:notaport/x" }) {
			assertThatExceptionOfType(ValidationException.class)
				.isThrownBy(() -> builder().baseUrl(url).token("t").build())
				.satisfies((ex) -> assertThat(ex.getMessage()).contains("base URL").doesNotContain("pw")
					.doesNotContain("p/w").doesNotContain("u:"));
		}
	}

	@Test
	void buildWithUserInfoInTokenUriFailsWithoutEchoingIt() {
		for (String uri : new String[] { "https://u:pw@bad_host/token", "https://u:pw@host/token" }) {
			assertThatExceptionOfType(ValidationException.class)
				.isThrownBy(() -> builder().baseUrl(url()).clientId("id").clientSecret("s").tokenUri(uri).build())
				.satisfies((ex) -> assertThat(ex.getMessage()).contains("tokenUri").doesNotContain("pw")
					.doesNotContain("u:"));
		}
	}

	@Test
	void buildWithTokenUriThatIsNotHttpFails() {
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> builder().baseUrl(url()).clientId("id").clientSecret("s").tokenUri("ftp://host/token")
				.build())
			.withMessageContaining("ftp://host/token")
			.withMessageContaining("http or https");
	}

	@Test
	void invalidSettingsFailAtOnce() {
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> builder().maxRetries(-1));
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> builder().retryBackoff(0.5));
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> builder().timeout(java.time.Duration.ZERO));
	}

	@Test
	void baseUrlWithPathAndTrailingSlashIsJoinedOnce() throws Exception {
		this.server.enqueue(json(200, SECRET));
		try (ScaiVaultClient client = builder().baseUrl(this.server.url("/vault/").toString()).token("t").build()) {
			client.secrets().read("a/b");
		}
		assertThat(this.server.takeRequest().getTarget()).isEqualTo("/vault/v1/secrets/a/b");
	}

	@Test
	void plainHttpSpeaksHttp11WithoutUpgradeAttempt() throws Exception {
		this.server.enqueue(json(200, SECRET));
		try (ScaiVaultClient client = builder().baseUrl(url()).token("t").build()) {
			client.secrets().read("a/b");
		}
		RecordedRequest request = this.server.takeRequest();
		assertThat(request.getVersion()).isEqualTo("HTTP/1.1");
		assertThat(request.getHeaders().get("Upgrade")).isNull();
		assertThat(request.getHeaders().get("HTTP2-Settings")).isNull();
	}

	@Test
	void customUserAgentIsSent() throws Exception {
		this.server.enqueue(json(200, SECRET));
		try (ScaiVaultClient client = builder().baseUrl(url()).token("t").userAgent("billing/2.1").build()) {
			client.secrets().read("a/b");
		}
		assertThat(this.server.takeRequest().getHeaders().get("User-Agent")).isEqualTo("billing/2.1");
	}

	@Test
	void clientExposesEveryResourceGroup() {
		try (ScaiVaultClient client = builder().baseUrl(url()).token("t").build()) {
			assertThat(client.secrets()).isInstanceOf(SecretOperations.class);
			assertThat(client.policies()).isInstanceOf(PolicyOperations.class);
			assertThat(client.rotation()).isInstanceOf(RotationOperations.class);
			assertThat(client.pki()).isInstanceOf(PkiOperations.class);
			assertThat(client.acme()).isInstanceOf(AcmeOperations.class);
			assertThat(client.dynamic()).isInstanceOf(DynamicOperations.class);
			assertThat(client.subscriptions()).isInstanceOf(SubscriptionOperations.class);
			assertThat(client.audit()).isInstanceOf(AuditOperations.class);
			ScaiVaultAsyncClient async = client.async();
			assertThat(async.secrets()).isInstanceOf(AsyncSecretOperations.class);
			assertThat(async.policies()).isInstanceOf(AsyncPolicyOperations.class);
			assertThat(async.rotation()).isInstanceOf(AsyncRotationOperations.class);
			assertThat(async.pki()).isInstanceOf(AsyncPkiOperations.class);
			assertThat(async.acme()).isInstanceOf(AsyncAcmeOperations.class);
			assertThat(async.dynamic()).isInstanceOf(AsyncDynamicOperations.class);
			assertThat(async.subscriptions()).isInstanceOf(AsyncSubscriptionOperations.class);
			assertThat(async.audit()).isInstanceOf(AsyncAuditOperations.class);
		}
	}

	@Test
	void buildAsyncGivesAsyncClient() throws Exception {
		this.server.enqueue(json(200, SECRET));
		try (ScaiVaultAsyncClient client = ScaiVaultAsyncClient.builder()
			.environment(this.environment::get)
			.baseUrl(url())
			.token("t")
			.buildAsync()) {
			assertThat(client.secrets().read("a/b").get().path()).isEqualTo("a/b");
		}
	}

	@Test
	void toStringShowsBaseUrlAndAuthModeButNoToken() {
		try (ScaiVaultClient client = builder().baseUrl(url()).token("super-secret-token").build()) {
			assertThat(client.toString()).contains(this.server.url("/").toString().replaceAll("/$", ""))
				.contains("auth=token")
				.doesNotContain("super-secret-token");
			assertThat(client.async().toString()).doesNotContain("super-secret-token");
		}
	}

}
