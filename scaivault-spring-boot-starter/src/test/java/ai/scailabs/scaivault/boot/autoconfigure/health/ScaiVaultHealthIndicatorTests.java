package ai.scailabs.scaivault.boot.autoconfigure.health;

import java.time.Duration;

import ai.scailabs.scaivault.client.ScaiVaultClient;
import ai.scailabs.scaivault.devserver.ScaiVaultDevServer;
import ai.scailabs.scaivault.devserver.faults.Fault;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ScaiVaultHealthIndicator}, against a real dev server.
 */
class ScaiVaultHealthIndicatorTests {

	@Test
	void healthWhenServerAnswersAndTokenIsValidIsUpWithVersion() {
		try (ScaiVaultDevServer server = ScaiVaultDevServer.builder().start();
				ScaiVaultClient client = client(server.baseUrl(), server.rootToken())) {
			Health health = new ScaiVaultHealthIndicator(client).health();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("version", ScaiVaultDevServer.VERSION);
			assertThat(health.getDetails().toString()).doesNotContain(server.rootToken());
		}
	}

	@Test
	void healthWhenCallerIsAuthenticatedButAllowedNothingIsUp() {
		try (ScaiVaultDevServer server = ScaiVaultDevServer.builder()
			.client("reporting", "reporting-secret", "sa:reporting-service")
			.start();
				ScaiVaultClient client = ScaiVaultClient.builder()
					.baseUrl(server.baseUrl())
					.clientCredentials("reporting", "reporting-secret")
					.build()) {
			Health health = new ScaiVaultHealthIndicator(client).health();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails().toString()).doesNotContain("reporting-secret");
		}
	}

	@Test
	void healthWhenServerStopsIsDownWithConnectionError() {
		ScaiVaultDevServer server = ScaiVaultDevServer.builder().start();
		try (ScaiVaultClient client = client(server.baseUrl(), server.rootToken())) {
			ScaiVaultHealthIndicator indicator = new ScaiVaultHealthIndicator(client);
			assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
			server.close();
			Health health = indicator.health();
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("error", "connection_error");
			assertThat(health.getDetails().toString()).doesNotContain(server.rootToken());
		}
		finally {
			server.close();
		}
	}

	@Test
	void healthWhenClientCredentialsAreRejectedIsDownWithErrorCode() {
		try (ScaiVaultDevServer server = ScaiVaultDevServer.builder()
			.client("reporting", "reporting-secret", "sa:reporting-service")
			.start();
				ScaiVaultClient client = ScaiVaultClient.builder()
					.baseUrl(server.baseUrl())
					.clientCredentials("reporting", "wrong-secret-value")
					.maxRetries(0)
					.build()) {
			Health health = new ScaiVaultHealthIndicator(client).health();
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsKey("error")
				.containsEntry("version", ScaiVaultDevServer.VERSION);
			assertThat(health.getDetails().toString()).doesNotContain("wrong-secret-value");
		}
	}

	@Test
	void healthProbeLeavesNoAuditEntryAndSendsOneRequest() {
		try (ScaiVaultDevServer server = ScaiVaultDevServer.builder().start();
				ScaiVaultClient client = ScaiVaultClient.builder().baseUrl(server.baseUrl()).token(server.rootToken()).build()) {
			int auditBefore = server.audit().entries().size();
			server.requestLog().clear();
			assertThat(new ScaiVaultHealthIndicator(client).health().getStatus()).isEqualTo(Status.UP);
			assertThat(server.audit().entries()).hasSize(auditBefore);
			assertThat(server.requestLog().entries()).singleElement()
				.satisfies((request) -> assertThat(request.path()).isEqualTo("/v1/health"));
		}
	}

	@Test
	void healthWhenTheServerAnswersTooLateIsDownWithTimeoutAfterOneRequest() {
		try (ScaiVaultDevServer server = ScaiVaultDevServer.builder().start();
				ScaiVaultClient client = ScaiVaultClient.builder().baseUrl(server.baseUrl()).token(server.rootToken()).build()) {
			server.faults().add(Fault.latency(Duration.ofSeconds(5)).forPath("/v1/health"));
			server.requestLog().clear();
			Health health = new ScaiVaultHealthIndicator(client, Duration.ofMillis(500)).health();
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("error", "timeout");
			// the client would retry a timeout 3 times by default: the probe does not
			assertThat(server.requestCount(null, "/v1/health")).isLessThanOrEqualTo(1);
		}
	}

	@Test
	void healthWhenServiceIsUnavailableIsDown() {
		try (ScaiVaultDevServer server = ScaiVaultDevServer.builder().start();
				ScaiVaultClient client = client(server.baseUrl(), server.rootToken())) {
			server.faults().add(Fault.unavailable().forPath("/v1/health"));
			Health health = new ScaiVaultHealthIndicator(client).health();
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("error", "service_unavailable")
				.containsEntry("statusCode", 503);
		}
	}

	private static ScaiVaultClient client(String baseUrl, String token) {
		return ScaiVaultClient.builder().baseUrl(baseUrl).token(token).maxRetries(0).build();
	}

}
