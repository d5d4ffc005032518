package ai.scailabs.scaivault.config.data;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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

	private static ScaiVaultClient client;

	private final StartupRetry retry = new StartupRetry(new ScaiVaultProperties.ImportRetry(), (duration) -> {
	}, LogFactory.getLog(getClass()));

	@BeforeAll
	static void startServer() {
		server = ScaiVaultDevServer.builder().start();
		client = ScaiVaultClient.builder().baseUrl(server.baseUrl()).token(server.rootToken()).build();
		for (int i = 0; i < 150; i++) {
			client.secrets().write("many/p" + i, Map.of("value", "v" + i));
		}
		client.secrets().write("many/p0", Map.of("value", "v0 second"));
	}

	@AfterAll
	static void stopServer() {
		client.close();
		server.close();
	}

	@BeforeEach
	void clearRequestLog() {
		server.requestLog().clear();
	}

	@Test
	void getWhenMoreThanHundredPathsAreRegisteredReadsThemInBatchesOfHundred() {
		ImportedSecrets imports = new ImportedSecrets();
		List<SecretReference> references = IntStream.range(0, 150)
			.mapToObj((i) -> new SecretReference("many/p" + i, null, ""))
			.toList();
		imports.register(references);
		for (SecretReference reference : references) {
			assertThat(imports.get(reference, () -> client, this.retry).secret()).isNotNull();
		}
		assertThat(server.requestCount("POST", "/v1/secrets/batch")).isEqualTo(2);
		assertThat(imports.isClientUsed()).isTrue();
	}

	@Test
	void getWhenVersionIsPinnedReadsThatVersionAlone() {
		ImportedSecrets imports = new ImportedSecrets();
		SecretReference pinned = new SecretReference("many/p0", 1, "");
		SecretReference current = new SecretReference("many/p0", null, "");
		imports.register(List.of(pinned, current));
		assertThat(imports.get(pinned, () -> client, this.retry).secret().data()).containsEntry("value", "v0");
		assertThat(imports.get(current, () -> client, this.retry).secret().data()).containsEntry("value",
				"v0 second");
		assertThat(server.requestCount("POST", "/v1/secrets/batch")).isEqualTo(1);
		assertThat(server.requestCount("GET", "/v1/secrets/many/p0")).isEqualTo(1);
	}

	@Test
	void getWhenPathIsMissingReturnsFailureWithCodeAndRequestId() {
		ImportedSecrets imports = new ImportedSecrets();
		SecretReference missing = new SecretReference("many/none", null, "");
		ImportedSecrets.Outcome outcome = imports.get(missing, () -> client, this.retry);
		assertThat(outcome.secret()).isNull();
		assertThat(outcome.failure().code()).isEqualTo("not_found");
		assertThat(outcome.failure().requestId()).startsWith("req_");
	}

	@Test
	void getWhenPathWasReadAlreadyMakesNoRequest() {
		ImportedSecrets imports = new ImportedSecrets();
		SecretReference reference = new SecretReference("many/p1", null, "");
		imports.get(reference, () -> client, this.retry);
		imports.register(List.of(reference));
		imports.get(new SecretReference("many/p1", null, "other."), () -> client, this.retry);
		assertThat(server.requestCount("POST", "/v1/secrets/batch")).isEqualTo(1);
	}

}
