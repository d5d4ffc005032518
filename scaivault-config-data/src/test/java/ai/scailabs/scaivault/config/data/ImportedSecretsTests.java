package ai.scailabs.scaivault.config.data;

import java.time.Duration;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ai.scailabs.scaivault.client.RequestListener;
import ai.scailabs.scaivault.client.ScaiVaultClient;
import ai.scailabs.scaivault.config.ScaiVaultProperties;
import ai.scailabs.scaivault.config.env.SecretReference;
import ai.scailabs.scaivault.devserver.ScaiVaultDevServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ImportedSecrets}, against the dev server.
 */
class ImportedSecretsTests {

	private static ScaiVaultDevServer server;

	private static ScaiVaultClient admin;

	private final StartupRetry retry = new StartupRetry(new ScaiVaultProperties.ImportRetry(), Duration.ofSeconds(10),
			(duration) -> {
			}, LogFactory.getLog(getClass()));

	@BeforeAll
	static void startServer() {
		server = ScaiVaultDevServer.builder()
			.seed("""
					{"policies": [{"name": "test-readers", "description": "one identity per test",
					  "rules": [{"path_pattern": "many/**", "permissions": ["read"]}],
					  "bindings": [{"identity_type": "group", "identity_id": "group:readers"}]}]}
					""")
			.start();
		admin = ScaiVaultClient.builder().baseUrl(server.baseUrl()).token(server.rootToken()).build();
		for (int i = 0; i < 150; i++) {
			admin.secrets().write("many/p" + i, Map.of("value", "v" + i));
		}
		admin.secrets().write("many/p0", Map.of("value", "v0 second"));
	}

	@AfterAll
	static void stopServer() {
		admin.close();
		server.close();
	}

	private final List<String> operations = new CopyOnWriteArrayList<>();

	private ScaiVaultClient client;

	@BeforeEach
	void createClient() {
		// counted on the client: the dev server logs a request only after answering it
		this.client = ScaiVaultClient.builder()
			.baseUrl(server.baseUrl())
			.token(server.issueToken("sa:importer", "group:readers"))
			.requestListener(new RequestListener() {

				@Override
				public void onStart(String operation, String method) {
					ImportedSecretsTests.this.operations.add(operation);
				}

			})
			.build();
	}

	@AfterEach
	void closeClient() {
		this.client.close();
	}

	private long requestCount(String operation) {
		return this.operations.stream().filter(operation::equals).count();
	}

	@Test
	void getWhenMoreThanHundredPathsAreRegisteredReadsThemInBatchesOfHundred() {
		ImportedSecrets imports = new ImportedSecrets();
		List<SecretReference> references = IntStream.range(0, 150)
			.mapToObj((i) -> new SecretReference("many/p" + i, null, ""))
			.toList();
		imports.register(references);
		for (SecretReference reference : references) {
			assertThat(imports.get(reference, () -> this.client, this.retry).secret()).isNotNull();
		}
		assertThat(requestCount("secrets.batch_read")).isEqualTo(2);
		assertThat(imports.isClientUsed()).isTrue();
	}

	@Test
	void getWhenVersionIsPinnedReadsThatVersionAlone() {
		ImportedSecrets imports = new ImportedSecrets();
		SecretReference pinned = new SecretReference("many/p0", 1, "");
		SecretReference current = new SecretReference("many/p0", null, "");
		imports.register(List.of(pinned, current));
		assertThat(imports.get(pinned, () -> this.client, this.retry).secret().data()).containsEntry("value", "v0");
		assertThat(imports.get(current, () -> this.client, this.retry).secret().data()).containsEntry("value",
				"v0 second");
		assertThat(requestCount("secrets.batch_read")).isEqualTo(1);
		assertThat(requestCount("secrets.read")).isEqualTo(1);
	}

	@Test
	void getWhenPathIsMissingReturnsFailureWithCodeAndRequestId() {
		ImportedSecrets imports = new ImportedSecrets();
		SecretReference missing = new SecretReference("many/none", null, "");
		ImportedSecrets.Outcome outcome = imports.get(missing, () -> this.client, this.retry);
		assertThat(outcome.secret()).isNull();
		assertThat(outcome.failure().code()).isEqualTo("not_found");
		assertThat(outcome.failure().requestId()).startsWith("req_");
	}

	@Test
	void outcomeToStringShowsPathAndKeysButNoValue() {
		ImportedSecrets imports = new ImportedSecrets();
		ImportedSecrets.Outcome outcome = imports.get(new SecretReference("many/p0", null, ""), () -> this.client,
				this.retry);
		assertThat(outcome.secret()).isNotNull();
		assertThat(outcome.toString()).contains("many/p0").contains("value").doesNotContain("v0 second");
	}

	@Test
	void getWhenPathWasReadAlreadyMakesNoRequest() {
		ImportedSecrets imports = new ImportedSecrets();
		imports.register(List.of(new SecretReference("many/p1", null, "")));
		imports.get(new SecretReference("many/p1", null, ""), () -> this.client, this.retry);
		imports.get(new SecretReference("many/p1", null, "other."), () -> this.client, this.retry);
		assertThat(requestCount("secrets.batch_read")).isEqualTo(1);
	}

	@Test
	void getWhenPathIsRegisteredAgainReadsItAgain() {
		ImportedSecrets imports = new ImportedSecrets();
		SecretReference reference = new SecretReference("many/p2", null, "");
		imports.register(List.of(reference));
		assertThat(imports.get(reference, () -> this.client, this.retry).secret().version()).isEqualTo(1);
		admin.secrets().write("many/p2", Map.of("value", "v2 second"));
		imports.register(List.of(reference));
		assertThat(imports.get(reference, () -> this.client, this.retry).secret().version()).isEqualTo(2);
		assertThat(requestCount("secrets.batch_read")).isEqualTo(2);
	}

}
