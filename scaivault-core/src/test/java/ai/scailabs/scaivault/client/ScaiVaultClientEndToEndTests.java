package ai.scailabs.scaivault.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ai.scailabs.scaivault.client.WireTestSupport.RecordingDelayer;
import ai.scailabs.scaivault.client.health.Health;
import ai.scailabs.scaivault.client.secrets.BatchResult;
import ai.scailabs.scaivault.client.secrets.RotateSecretRequest;
import ai.scailabs.scaivault.client.secrets.Secret;
import ai.scailabs.scaivault.client.secrets.SecretMetadata;
import ai.scailabs.scaivault.client.secrets.SecretRotationResult;
import ai.scailabs.scaivault.client.secrets.SecretSummary;
import ai.scailabs.scaivault.client.secrets.SecretType;
import ai.scailabs.scaivault.client.secrets.WriteResult;
import ai.scailabs.scaivault.client.secrets.WriteSecretRequest;
import ai.scailabs.scaivault.devserver.ScaiVaultDevServer;
import ai.scailabs.scaivault.devserver.faults.Fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The client against the embedded dev server: the other side of the contract, over real HTTP. Each
 * test starts its own server because the tests count requests, add faults and expect version 1 of
 * the same secret, which a server shared by the class would break.
 */
class ScaiVaultClientEndToEndTests {

	private static final String PATH = "integrations/salesforce/oauth";

	private final RecordingDelayer delayer = new RecordingDelayer();

	private ScaiVaultDevServer server;

	private ScaiVaultClient client;

	@BeforeEach
	void setUp() {
		this.server = ScaiVaultDevServer.builder().client("reporting", "s3cret", "sa:reporting-service").start();
		this.client = builder().token(this.server.rootToken()).build();
	}

	@AfterEach
	void tearDown() {
		this.client.close();
		this.server.close();
	}

	private ScaiVaultClientBuilder builder() {
		return DevServerClients.builder(this.server).delayer(this.delayer);
	}

	private WriteResult writeSalesforce() {
		return this.client.secrets()
			.write(PATH, WriteSecretRequest.builder(Map.of("client_id", "3MVG9...", "client_secret", "REDACTED"))
				.secretType(SecretType.JSON)
				.metadata(SecretMetadata.of("Salesforce OAuth for all production integrations", "salesforce",
						"oauth", "production"))
				.maxVersions(10)
				.build());
	}

	@Test
	void writeThenReadReturnsTheSecret() {
		WriteResult written = writeSalesforce();
		assertThat(written.path()).isEqualTo(PATH);
		assertThat(written.version()).isEqualTo(1);
		Secret secret = this.client.secrets().read(PATH);
		assertThat(secret.version()).isEqualTo(1);
		assertThat(secret.data()).isEqualTo(Map.of("client_id", "3MVG9...", "client_secret", "REDACTED"));
		assertThat(secret.secretType()).isEqualTo(SecretType.JSON);
		assertThat(secret.metadata().tags()).containsExactly("salesforce", "oauth", "production");
		assertThat(secret.createdAt()).isNotNull();
	}

	@Test
	void writeWithStaleCasThrowsConflict() {
		writeSalesforce();
		assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> this.client.secrets()
			.write(PATH, WriteSecretRequest.builder(Map.of("client_id", "x")).cas(5).build()))
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(409);
				assertThat(ex.getRequestId()).isNotBlank();
			});
	}

	@Test
	void updateMetadataKeepsValues() {
		writeSalesforce();
		SecretMetadata metadata = this.client.secrets().updateMetadata(PATH, SecretMetadata.tags("critical"));
		assertThat(metadata.tags()).containsExactly("critical");
		assertThat(this.client.secrets().read(PATH).data()).containsKey("client_secret");
	}

	@Test
	void rotateWritesNextVersionAndKeepsPreviousReadableByVersion() {
		writeSalesforce();
		SecretRotationResult rotated = this.client.secrets()
			.rotate(PATH, RotateSecretRequest.builder()
				.reason("compromise")
				.newValue(Map.of("client_id", "3MVG9...", "client_secret", "NEW"))
				.gracePeriod(Duration.ofHours(1))
				.build());
		assertThat(rotated.version()).isEqualTo(2);
		assertThat(rotated.previousVersion()).isEqualTo(1);
		assertThat(rotated.gracePeriodEndsAt()).isNotNull();
		assertThat(this.client.secrets().read(PATH).data()).containsEntry("client_secret", "NEW");
		assertThat(this.client.secrets().read(PATH, 1).data()).containsEntry("client_secret", "REDACTED");
	}

	@Test
	void listAndIterateAllFollowCursors() {
		IntStream.rangeClosed(1, 7)
			.forEach((i) -> this.client.secrets().write("environments/production/s" + i, Map.of("v", i)));
		this.client.secrets().write("environments/staging/other", Map.of("v", 0));
		Page<SecretSummary> first = this.client.secrets().list("environments/production/", 3, null);
		assertThat(first.data()).hasSize(3);
		assertThat(first.hasMore()).isTrue();
		assertThat(this.client.secrets().streamAll("environments/production/").map(SecretSummary::path))
			.hasSize(7)
			.allMatch((path) -> path.startsWith("environments/production/"));
	}

	@Test
	void batchReadReportsMissingPathsAsErrors() {
		writeSalesforce();
		BatchResult result = this.client.secrets().batchRead(List.of(PATH, "integrations/stripe/api-key"));
		assertThat(result.secrets()).containsOnlyKeys(PATH);
		assertThat(result.errors()).containsOnlyKeys("integrations/stripe/api-key");
		assertThat(result.errors().get("integrations/stripe/api-key").code()).isEqualTo("not_found");
	}

	@Test
	void batchReadOfMoreThanOneHundredPathsIsSplit() {
		List<String> paths = IntStream.rangeClosed(1, 150).mapToObj((i) -> "bulk/s" + i).toList();
		paths.subList(0, 3).forEach((path) -> this.client.secrets().write(path, Map.of("v", path)));
		BatchResult result = this.client.secrets().batchRead(paths);
		assertThat(result.secrets()).hasSize(3);
		assertThat(result.errors()).hasSize(147);
		assertThat(this.server.requestCount("POST", "/v1/secrets/batch")).isEqualTo(2);
	}

	@Test
	void deleteHidesAndPermanentDeleteDestroys() {
		writeSalesforce();
		this.client.secrets().delete(PATH);
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> this.client.secrets().read(PATH))
			.satisfies((ex) -> {
				assertThat(ex.getCode()).isEqualTo("not_found");
				assertThat(ex.getStatusCode()).isEqualTo(404);
				assertThat(ex.getRequestId()).isNotBlank();
			});
		this.client.secrets().delete(PATH, true);
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> this.client.secrets().read(PATH, 1));
	}

	@Test
	void rotateWithoutNewValueOfJsonSecretThrowsValidation() {
		writeSalesforce();
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> this.client.secrets().rotate(PATH))
			.satisfies((ex) -> {
				assertThat(ex.getCode()).isEqualTo("validation_error");
				assertThat(ex.getStatusCode()).isEqualTo(400);
			});
	}

	@Test
	void identityWithoutPolicyIsDenied() {
		writeSalesforce();
		try (ScaiVaultClient denied = builder().token(this.server.issueToken("sa:nobody")).build()) {
			assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> denied.secrets().read(PATH))
				.satisfies((ex) -> {
					assertThat(ex.getCode()).isEqualTo("access_denied");
					assertThat(ex.getStatusCode()).isEqualTo(403);
					assertThat(ex.getMessage()).isNotBlank();
					assertThat(ex.getRequestId()).isNotBlank();
				});
		}
	}

	@Test
	void unknownTokenThrowsAuthentication() {
		try (ScaiVaultClient unknown = builder().token("not-a-token").build()) {
			assertThatExceptionOfType(AuthenticationException.class).isThrownBy(() -> unknown.secrets().read(PATH))
				.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(401));
		}
	}

	@Test
	void clientCredentialsObtainTokenFromTokenEndpoint() {
		writeSalesforce();
		try (ScaiVaultClient reporting = builder().clientCredentials("reporting", "s3cret").build()) {
			// No policy yet: the token works (authenticated) but reading is denied.
			assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> reporting.secrets().read(PATH));
		}
		assertThat(this.server.requestCount("POST", "/oauth/token")).isEqualTo(1);
	}

	@Test
	void clientCredentialsWithWrongSecretThrowsAuthentication() {
		try (ScaiVaultClient wrong = builder().clientCredentials("reporting", "not-the-s3cret").build()) {
			assertThatExceptionOfType(AuthenticationException.class).isThrownBy(() -> wrong.secrets().read(PATH))
				.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("not-the-s3cret"));
		}
	}

	@Test
	void tokenExpiredAnswerRefreshesTheClientCredentialsTokenOnce() {
		writeSalesforce();
		try (ScaiVaultClient reporting = builder().clientCredentials("reporting", "s3cret").build()) {
			this.server.faults().add(Fault.tokenExpired().forPath("/v1/secrets").onRequests(1));
			assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> reporting.secrets().read(PATH));
		}
		assertThat(this.server.requestCount("POST", "/oauth/token")).isEqualTo(2);
		assertThat(this.server.requestCount("GET", "/v1/secrets/" + PATH)).isEqualTo(2);
	}

	@Test
	void rateLimitedIsRetriedAfterRetryAfterPlusJitter() {
		writeSalesforce();
		this.server.faults().add(Fault.rateLimited(Duration.ofSeconds(2)).forMethod("GET").onRequests(1));
		assertThat(this.client.secrets().read(PATH).version()).isEqualTo(1);
		// Retry-After, plus full jitter up to the first backoff (500 ms by default)
		assertThat(this.delayer.delays()).singleElement()
			.satisfies((delay) -> assertThat(delay).isBetween(Duration.ofSeconds(2), Duration.ofMillis(2500)));
	}

	@Test
	void rotateIsNotRetriedAfterInternalError() {
		writeSalesforce();
		this.server.faults().add(Fault.internalError().forPath("/v1/secrets/" + PATH + "/rotate").onRequests(1));
		assertThatExceptionOfType(ScaiVaultException.class)
			.isThrownBy(() -> this.client.secrets()
				.rotate(PATH, RotateSecretRequest.builder().newValue(Map.of("client_id", "n")).build()))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo("internal_error"));
		assertThat(this.server.requestCount("POST", "/v1/secrets/" + PATH + "/rotate")).isEqualTo(1);
		assertThat(this.client.secrets().read(PATH).version()).isEqualTo(1);
	}

	@Test
	void healthAnswersOk() {
		Health health = this.client.health();
		assertThat(health.isOk()).isTrue();
		assertThat(health.version()).isEqualTo(ScaiVaultDevServer.VERSION);
	}

	@Test
	void httpsWithPrivateCaSslContextWorks() {
		try (ScaiVaultDevServer https = ScaiVaultDevServer.builder().https(true).start();
				ScaiVaultClient client = DevServerClients.builder(https)
					.token(https.rootToken())
					.sslContext(https.sslContext())
					.build()) {
			assertThat(https.baseUrl()).startsWith("https://");
			client.secrets().write("tls/check", Map.of("ok", true));
			assertThat(client.secrets().read("tls/check").data()).containsEntry("ok", true);
		}
	}

	@Test
	void httpsWithoutTrustingThePrivateCaFails() {
		try (ScaiVaultDevServer https = ScaiVaultDevServer.builder().https(true).start();
				ScaiVaultClient client = DevServerClients.builder(https)
					.token(https.rootToken())
					.maxRetries(0)
					.build()) {
			assertThatExceptionOfType(ScaiVaultException.class).isThrownBy(() -> client.secrets().read("tls/check"))
				.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(ScaiVaultException.CONNECTION_ERROR));
		}
	}

}
