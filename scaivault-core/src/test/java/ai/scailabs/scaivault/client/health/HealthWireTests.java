package ai.scailabs.scaivault.client.health;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.Headers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ai.scailabs.scaivault.client.ScaiVaultClient;
import ai.scailabs.scaivault.client.ScaiVaultException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Wire tests of the health check.
 */
class HealthWireTests {

	private final MockWebServer server = new MockWebServer();

	private ScaiVaultClient client;

	@BeforeEach
	void setUp() throws Exception {
		this.server.start();
		this.client = ScaiVaultClient.builder()
			.baseUrl(this.server.url("/").toString())
			.token("test-token")
			.environment((name) -> null)
			.build();
	}

	@AfterEach
	void tearDown() {
		this.client.close();
		this.server.close();
	}

	@Test
	void healthSendsUnauthenticatedGetAndReadsStatus() throws Exception {
		this.server.enqueue(new MockResponse(200, Headers.of("Content-Type", "application/json"),
				"{\"status\": \"ok\", \"version\": \"1.4.2\", \"uptime\": 12}"));
		Health health = this.client.health();
		assertThat(health).isEqualTo(new Health("ok", "1.4.2"));
		assertThat(health.isOk()).isTrue();
		RecordedRequest request = this.server.takeRequest();
		assertThat(request.getMethod()).isEqualTo("GET");
		assertThat(request.getTarget()).isEqualTo("/v1/health");
		assertThat(request.getHeaders().get("Authorization")).isNull();
		assertThat(request.getHeaders().get("User-Agent")).startsWith("scaivault-java/");
	}

	@Test
	void healthWhenServiceUnavailableThrowsWithoutRetry() {
		this.server.enqueue(new MockResponse(503, Headers.of("Content-Type", "application/json", "X-Request-Id",
				"req_h1"),
				"{\"error\": {\"code\": \"service_unavailable\", \"message\": \"Starting\", \"request_id\": \"req_h1\"}}"));
		assertThatExceptionOfType(ScaiVaultException.class).isThrownBy(this.client::health).satisfies((ex) -> {
			assertThat(ex.getCode()).isEqualTo("service_unavailable");
			assertThat(ex.getStatusCode()).isEqualTo(503);
			assertThat(ex.getRequestId()).isEqualTo("req_h1");
		});
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void healthAsyncCompletesWithHealth() throws Exception {
		this.server.enqueue(new MockResponse(200, Headers.of("Content-Type", "application/json"),
				"{\"status\": \"ok\"}"));
		assertThat(this.client.async().health().get(1, TimeUnit.MINUTES)).isEqualTo(new Health("ok", null));
	}

	@Test
	void healthWhenTheServerStallsThenTimesOutAfterOneAttempt() {
		this.server.enqueue(new MockResponse.Builder().code(200)
			.body("{\"status\": \"ok\"}")
			.onResponseStart(SocketEffect.Stall.INSTANCE)
			.build());
		assertThatExceptionOfType(ScaiVaultException.class)
			.isThrownBy(() -> this.client.health(Duration.ofMillis(300)))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(ScaiVaultException.TIMEOUT));
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void singleAttemptWhenServiceUnavailableThenThrowsWithoutRetry() {
		this.server.enqueue(new MockResponse(503, Headers.of("Content-Type", "application/json"),
				"{\"error\": {\"code\": \"service_unavailable\", \"message\": \"Busy\"}}"));
		ScaiVaultClient once = this.client.singleAttempt(Duration.ofSeconds(5));
		assertThatExceptionOfType(ScaiVaultException.class).isThrownBy(() -> once.secrets().read("a/b"))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo("service_unavailable"));
		assertThat(this.server.getRequestCount()).isEqualTo(1);
		once.close();
		this.server.enqueue(new MockResponse(200, Headers.of("Content-Type", "application/json"),
				"{\"status\": \"ok\"}"));
		assertThat(this.client.health().isOk()).as("closing the view leaves the client open").isTrue();
	}

	@Test
	void checkTokenWithAStaticTokenSendsNothing() {
		this.client.checkToken(Duration.ofMillis(100));
		assertThat(this.server.getRequestCount()).isZero();
	}

}
