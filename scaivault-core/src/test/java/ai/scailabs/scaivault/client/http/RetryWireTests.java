package ai.scailabs.scaivault.client.http;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okhttp3.Headers;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ai.scailabs.scaivault.client.AccessDeniedException;
import ai.scailabs.scaivault.client.AuthenticationException;
import ai.scailabs.scaivault.client.RateLimitException;
import ai.scailabs.scaivault.client.RequestListener;
import ai.scailabs.scaivault.client.ScaiVaultClient;
import ai.scailabs.scaivault.client.ScaiVaultException;
import ai.scailabs.scaivault.client.WireTestSupport;
import ai.scailabs.scaivault.client.WireTestSupport.RecordingDelayer;
import ai.scailabs.scaivault.client.secrets.RotateSecretRequest;
import ai.scailabs.scaivault.client.secrets.Secret;

import static ai.scailabs.scaivault.client.WireTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Retries: which failures are retried, how long the client waits, and that non-idempotent calls
 * are only retried when the server certainly did not act. The delayer is injected, so no test
 * waits.
 */
class RetryWireTests {

	private static final String SECRET = "{\"path\": \"app/db/password\", \"version\": 1, \"data\": {\"password\": \"p\"}}";

	private static final String ROTATED = "{\"path\": \"app/db/password\", \"version\": 2, \"previous_version\": 1}";

	private final MockWebServer server = new MockWebServer();

	private final RecordingDelayer delayer = new RecordingDelayer();

	private final RecordingListener listener = new RecordingListener();

	private ScaiVaultClient client;

	@BeforeEach
	void setUp() throws Exception {
		this.server.start();
		this.client = WireTestSupport.builder(this.server, this.delayer)
			.requestListener(this.listener)
			.build();
	}

	@AfterEach
	void tearDown() {
		this.client.close();
		this.server.close();
	}

	@Test
	void rateLimitedWaitsForRetryAfterThenSucceeds() {
		this.server.enqueue(json(429, "{\"error\": {\"code\": \"rate_limited\", \"message\": \"Slow down\"}}",
				"Retry-After", "2"));
		this.server.enqueue(json(200, SECRET));
		Secret secret = this.client.secrets().read("app/db/password");
		assertThat(secret.version()).isEqualTo(1);
		// Retry-After, plus full jitter up to the first backoff (500 ms by default)
		assertThat(this.delayer.delays()).singleElement()
			.satisfies((delay) -> assertThat(delay).isBetween(Duration.ofSeconds(2), Duration.ofMillis(2500)));
		assertThat(this.server.getRequestCount()).isEqualTo(2);
	}

	@Test
	void rateLimitedAfterAllRetriesThrowsRateLimitException() {
		for (int i = 0; i < 4; i++) {
			this.server.enqueue(json(429, "{\"error\": {\"code\": \"rate_limited\", \"message\": \"Slow down\"}}",
					"Retry-After", "1"));
		}
		assertThatExceptionOfType(RateLimitException.class)
			.isThrownBy(() -> this.client.secrets().read("app/db/password"))
			.satisfies((ex) -> assertThat(ex.getRetryAfter()).isEqualTo(Duration.ofSeconds(1)));
		assertThat(this.delayer.delays()).hasSize(3);
		assertThat(this.server.getRequestCount()).isEqualTo(4);
	}

	@Test
	void retryAfterLongerThanMaxBackoffIsNotWaitedFor() {
		this.server.enqueue(json(429, "{\"error\": {\"code\": \"rate_limited\", \"message\": \"Slow down\"}}",
				"Retry-After", "3600"));
		assertThatExceptionOfType(RateLimitException.class)
			.isThrownBy(() -> this.client.secrets().read("app/db/password"));
		assertThat(this.delayer.delays()).isEmpty();
	}

	@Test
	void serviceUnavailableWithoutRetryAfterBacksOffExponentiallyWithJitter() {
		for (int i = 0; i < 3; i++) {
			this.server.enqueue(json(503, "{\"error\": {\"code\": \"service_unavailable\", \"message\": \"Busy\"}}"));
		}
		this.server.enqueue(json(200, SECRET));
		this.client.secrets().read("app/db/password");
		List<Duration> delays = this.delayer.delays();
		assertThat(delays).hasSize(3);
		// 500 ms, 750 ms, 1125 ms, each spread by +/- 50 %
		assertThat(delays.get(0)).isBetween(Duration.ofMillis(250), Duration.ofMillis(750));
		assertThat(delays.get(1)).isBetween(Duration.ofMillis(375), Duration.ofMillis(1125));
		assertThat(delays.get(2)).isBetween(Duration.ofMillis(562), Duration.ofMillis(1688));
	}

	@Test
	void internalErrorIsRetriedForIdempotentCalls() {
		this.server.enqueue(json(500, "{\"error\": {\"code\": \"internal_error\", \"message\": \"Oops\"}}"));
		this.server.enqueue(json(200, SECRET));
		assertThat(this.client.secrets().read("app/db/password").version()).isEqualTo(1);
		assertThat(this.server.getRequestCount()).isEqualTo(2);
	}

	@Test
	void badGatewayWithNonContractCodeIsRetriedForIdempotentCalls() {
		this.server.enqueue(json(502, "{\"error\": {\"code\": \"bad_gateway\", \"message\": \"Upstream down\"}}"));
		this.server.enqueue(json(504, "{\"error\": {\"code\": \"upstream_timeout\"}}"));
		this.server.enqueue(new MockResponse(500, Headers.of("Content-Type", "text/html"),
				"<html><body>Internal Server Error</body></html>"));
		this.server.enqueue(json(200, SECRET));
		assertThat(this.client.secrets().read("app/db/password").version()).isEqualTo(1);
		assertThat(this.server.getRequestCount()).isEqualTo(4);
		assertThat(this.delayer.delays()).hasSize(3);
	}

	@Test
	void serviceUnavailableWithNonContractCodeIsRetriedForNonIdempotentCalls() {
		this.server.enqueue(json(503, "{\"error\": {\"code\": \"overloaded\"}}"));
		this.server.enqueue(json(200, ROTATED));
		assertThat(this.client.secrets().rotate("app/db/password").version()).isEqualTo(2);
		assertThat(this.server.getRequestCount()).isEqualTo(2);
	}

	@Test
	void badGatewayWithNonContractCodeIsNotRetriedForNonIdempotentCalls() {
		this.server.enqueue(json(502, "{\"error\": {\"code\": \"bad_gateway\"}}"));
		assertThatExceptionOfType(ScaiVaultException.class)
			.isThrownBy(() -> this.client.secrets().rotate("app/db/password"))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo("bad_gateway"));
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void defaultDelayerRetriesOnItsSchedulerWithoutBlockingTheCaller() throws Exception {
		this.server.enqueue(json(503, "{\"error\": {\"code\": \"service_unavailable\", \"message\": \"Busy\"}}"));
		this.server.enqueue(json(200, SECRET));
		try (ScaiVaultClient scheduled = ScaiVaultClient.builder()
			.baseUrl(this.server.url("/").toString())
			.token("t")
			.environment((name) -> null)
			.initialBackoff(Duration.ofMillis(1))
			.build()) {
			assertThat(scheduled.async().secrets().read("app/db/password").get().version()).isEqualTo(1);
		}
		assertThat(this.server.getRequestCount()).isEqualTo(2);
	}

	@Test
	void accessDeniedIsNeverRetried() {
		this.server.enqueue(json(403, "{\"error\": {\"code\": \"access_denied\", \"message\": \"No\"}}"));
		assertThatExceptionOfType(AccessDeniedException.class)
			.isThrownBy(() -> this.client.secrets().read("app/db/password"));
		assertThat(this.server.getRequestCount()).isEqualTo(1);
		assertThat(this.delayer.delays()).isEmpty();
	}

	@Test
	void tokenExpiredWithStaticTokenIsNeitherRefreshedNorRetried() {
		this.server.enqueue(json(401, "{\"error\": {\"code\": \"token_expired\", \"message\": \"Expired\"}}"));
		assertThatExceptionOfType(AuthenticationException.class)
			.isThrownBy(() -> this.client.secrets().read("app/db/password"))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo("token_expired"));
		assertThat(this.server.getRequestCount()).isEqualTo(1);
		assertThat(this.delayer.delays()).isEmpty();
	}

	@Test
	void rotateIsNotRetriedAfterReadTimeout() {
		this.server.enqueue(new MockResponse.Builder().code(200)
			.body(ROTATED)
			.onResponseStart(SocketEffect.Stall.INSTANCE)
			.build());
		assertThatExceptionOfType(ScaiVaultException.class)
			.isThrownBy(() -> shortTimeoutClient().secrets()
				.rotate("app/db/password", RotateSecretRequest.builder().reason("compromise").build()))
			.satisfies((ex) -> {
				assertThat(ex.getCode()).isEqualTo(ScaiVaultException.TIMEOUT);
				assertThat(ex.getStatusCode()).isZero();
			});
		assertThat(this.server.getRequestCount()).isEqualTo(1);
		assertThat(this.delayer.delays()).isEmpty();
	}

	@Test
	void readIsRetriedAfterReadTimeout() {
		this.server.enqueue(new MockResponse.Builder().code(200)
			.body(SECRET)
			.onResponseStart(SocketEffect.Stall.INSTANCE)
			.build());
		this.server.enqueue(json(200, SECRET));
		assertThat(shortTimeoutClient().secrets().read("app/db/password").version()).isEqualTo(1);
		assertThat(this.server.getRequestCount()).isEqualTo(2);
	}

	@Test
	void rotateIsNotRetriedAfterInternalError() {
		this.server.enqueue(json(500, "{\"error\": {\"code\": \"internal_error\", \"message\": \"Oops\"}}"));
		assertThatExceptionOfType(ScaiVaultException.class)
			.isThrownBy(() -> this.client.secrets().rotate("app/db/password"))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo("internal_error"));
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void rotateIsRetriedAfterServiceUnavailableAndRateLimit() {
		this.server.enqueue(json(503, "{\"error\": {\"code\": \"service_unavailable\", \"message\": \"Busy\"}}",
				"Retry-After", "1"));
		this.server.enqueue(json(429, "{\"error\": {\"code\": \"rate_limited\", \"message\": \"Slow\"}}",
				"Retry-After", "2"));
		this.server.enqueue(json(200, ROTATED));
		assertThat(this.client.secrets().rotate("app/db/password").version()).isEqualTo(2);
		List<Duration> delays = this.delayer.delays();
		assertThat(delays).hasSize(2);
		assertThat(delays.get(0)).isBetween(Duration.ofSeconds(1), Duration.ofMillis(1500));
		assertThat(delays.get(1)).isBetween(Duration.ofSeconds(2), Duration.ofMillis(2750));
	}

	@Test
	void rotateIsRetriedWhenTheConnectionIsRefused() throws Exception {
		MockWebServer closed = new MockWebServer();
		closed.start();
		String url = closed.url("/").toString();
		closed.close();
		try (ScaiVaultClient refused = ScaiVaultClient.builder()
			.baseUrl(url)
			.token("t")
			.environment((name) -> null)
			.delayer(this.delayer)
			.maxRetries(2)
			.build()) {
			assertThatExceptionOfType(ScaiVaultException.class).isThrownBy(() -> refused.secrets().rotate("a/b"))
				.satisfies((ex) -> {
					assertThat(ex.getCode()).isEqualTo(ScaiVaultException.CONNECTION_ERROR);
					assertThat(ex.getStatusCode()).isZero();
					assertThat(ex.getRequestId()).isNull();
				});
		}
		assertThat(this.delayer.delays()).hasSize(2);
	}

	@Test
	void listenerSeesStartRetriesAndEnd() {
		this.server.enqueue(json(503, "{\"error\": {\"code\": \"service_unavailable\", \"message\": \"Busy\"}}",
				"Retry-After", "1"));
		this.server.enqueue(json(200, SECRET));
		this.client.secrets().read("app/db/password");
		// the delay is Retry-After (1 s) plus full jitter
		assertThat(this.listener.events).satisfiesExactly(
				(event) -> assertThat(event).isEqualTo("start secrets.read GET"),
				(event) -> assertThat(event).startsWith("retry secrets.read 2 service_unavailable PT1"),
				(event) -> assertThat(event).isEqualTo("end secrets.read 200 null 2"));
	}

	@Test
	void listenerSeesErrorCodeAtEnd() {
		this.server.enqueue(json(404, "{\"error\": {\"code\": \"not_found\", \"message\": \"No\"}}"));
		assertThatExceptionOfType(ScaiVaultException.class)
			.isThrownBy(() -> this.client.secrets().read("app/db/password"));
		assertThat(this.listener.events).containsExactly("start secrets.read GET",
				"end secrets.read 404 not_found 1");
	}

	private ScaiVaultClient shortTimeoutClient() {
		this.client.close();
		this.client = WireTestSupport.builder(this.server, this.delayer).timeout(Duration.ofMillis(300)).build();
		return this.client;
	}

	static final class RecordingListener implements RequestListener {

		final List<String> events = new CopyOnWriteArrayList<>();

		@Override
		public void onStart(String operation, String method) {
			this.events.add("start " + operation + " " + method);
		}

		@Override
		public void onRetry(String operation, int attempt, String cause, Duration delay) {
			this.events.add("retry " + operation + " " + attempt + " " + cause + " " + delay);
		}

		@Override
		public void onEnd(String operation, int statusCode, @Nullable String errorCode, int attempts,
				Duration duration) {
			this.events.add("end " + operation + " " + statusCode + " " + errorCode + " " + attempts);
		}

	}

}
