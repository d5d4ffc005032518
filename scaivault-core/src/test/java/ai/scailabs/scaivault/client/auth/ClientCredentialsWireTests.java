package ai.scailabs.scaivault.client.auth;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ai.scailabs.scaivault.client.AuthenticationException;
import ai.scailabs.scaivault.client.ScaiVaultException;
import ai.scailabs.scaivault.client.ScaiVaultClient;
import ai.scailabs.scaivault.client.ScaiVaultClientBuilder;
import ai.scailabs.scaivault.client.WireTestSupport.MutableClock;
import ai.scailabs.scaivault.client.WireTestSupport.RecordingDelayer;
import ai.scailabs.scaivault.client.secrets.Secret;

import static ai.scailabs.scaivault.client.WireTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Client-credentials authentication against a token endpoint: the form, refresh at 80 % of the
 * lifetime, one refresh and one retry on {@code token_expired}, and a single token request for
 * many concurrent callers.
 */
class ClientCredentialsWireTests {

	private static final String SECRET = "{\"path\": \"app/db/password\", \"version\": 1, \"data\": {\"password\": \"p\"}}";

	private static final String TOKEN_EXPIRED = "{\"error\": {\"code\": \"token_expired\", \"message\": \"Token expired\"}}";

	private final MockWebServer server = new MockWebServer();

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T12:00:00Z"));

	private final AtomicInteger tokenRequests = new AtomicInteger();

	private final Queue<RecordedRequest> tokenBodies = new ConcurrentLinkedQueue<>();

	private final Queue<String> authorizations = new ConcurrentLinkedQueue<>();

	/** Answers of /v1 calls, in order; when empty, the secret is served. */
	private final Queue<MockResponse> apiAnswers = new ConcurrentLinkedQueue<>();

	private volatile long expiresIn = 100;

	private volatile boolean tokenEndpointDown;

	private ScaiVaultClient client;

	@BeforeEach
	void setUp() throws Exception {
		this.server.setDispatcher(new Dispatcher() {

			@Override
			public MockResponse dispatch(RecordedRequest request) {
				if (request.getUrl().encodedPath().equals("/oauth/token")) {
					int n = ClientCredentialsWireTests.this.tokenRequests.incrementAndGet();
					ClientCredentialsWireTests.this.tokenBodies.add(request);
					if (ClientCredentialsWireTests.this.tokenEndpointDown) {
						return json(503, "{\"error\": {\"code\": \"service_unavailable\", \"message\": \"Down\"}}");
					}
					return json(200, "{\"access_token\": \"tok-" + n + "\", \"token_type\": \"Bearer\", \"expires_in\": "
							+ ClientCredentialsWireTests.this.expiresIn + "}");
				}
				ClientCredentialsWireTests.this.authorizations.add(request.getHeaders().get("Authorization"));
				MockResponse answer = ClientCredentialsWireTests.this.apiAnswers.poll();
				return (answer != null) ? answer : json(200, SECRET);
			}

		});
		this.server.start();
		this.client = builder().build();
	}

	private ScaiVaultClientBuilder builder() {
		return ScaiVaultClient.builder()
			.baseUrl(this.server.url("/").toString())
			.clientCredentials("svc-reporting", "s3cr3t value")
			.scope("vault.read")
			.environment((name) -> null)
			.clock(this.clock)
			.delayer(new RecordingDelayer());
	}

	@AfterEach
	void tearDown() {
		this.client.close();
		this.server.close();
	}

	@Test
	void firstCallPostsClientCredentialsFormAndUsesTheToken() {
		Secret secret = this.client.secrets().read("app/db/password");
		assertThat(secret.version()).isEqualTo(1);
		RecordedRequest tokenRequest = this.tokenBodies.poll();
		assertThat(tokenRequest.getMethod()).isEqualTo("POST");
		assertThat(tokenRequest.getHeaders().get("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
		assertThat(tokenRequest.getHeaders().get("Authorization")).isNull();
		assertThat(tokenRequest.getBody().string(StandardCharsets.UTF_8)).isEqualTo(
				"grant_type=client_credentials&client_id=svc-reporting&client_secret=s3cr3t+value&scope=vault.read");
		assertThat(this.authorizations).containsExactly("Bearer tok-1");
	}

	@Test
	void tokenIsReusedUntilEightyPercentOfItsLifetime() {
		this.client.secrets().read("app/db/password");
		this.clock.advance(Duration.ofSeconds(79));
		this.client.secrets().read("app/db/password");
		assertThat(this.tokenRequests).hasValue(1);
		this.clock.advance(Duration.ofSeconds(2));
		this.client.secrets().read("app/db/password");
		assertThat(this.tokenRequests).hasValue(2);
		assertThat(this.authorizations).containsExactly("Bearer tok-1", "Bearer tok-1", "Bearer tok-2");
	}

	@Test
	void failedEarlyRefreshKeepsUsingTheCurrentTokenUntilItExpires() {
		this.client.secrets().read("app/db/password");
		this.tokenEndpointDown = true;
		this.clock.advance(Duration.ofSeconds(85));
		this.client.secrets().read("app/db/password");
		assertThat(this.tokenRequests).hasValue(2);
		assertThat(this.authorizations).containsExactly("Bearer tok-1", "Bearer tok-1");
		this.clock.advance(Duration.ofSeconds(16));
		assertThatExceptionOfType(ScaiVaultException.class)
			.isThrownBy(() -> this.client.secrets().read("app/db/password"))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo("service_unavailable"));
		assertThat(this.authorizations).hasSize(2);
		// The token request is retried like any transient failure: 1 + 3 retries.
		assertThat(this.tokenRequests).hasValue(6);
	}

	@Test
	void failedEarlyRefreshWaitsHalfTheRemainingLifetimeBeforeTheNextTry() {
		this.client.secrets().read("app/db/password");
		this.tokenEndpointDown = true;
		this.clock.advance(Duration.ofSeconds(85));
		this.client.secrets().read("app/db/password");
		assertThat(this.tokenRequests).hasValue(2);
		// 15 s left: the next try is 7.5 s later, not on every call.
		this.clock.advance(Duration.ofSeconds(1));
		this.client.secrets().read("app/db/password");
		this.clock.advance(Duration.ofSeconds(6));
		this.client.secrets().read("app/db/password");
		assertThat(this.tokenRequests).hasValue(2);
		this.tokenEndpointDown = false;
		this.clock.advance(Duration.ofSeconds(1));
		this.client.secrets().read("app/db/password");
		assertThat(this.tokenRequests).hasValue(3);
		assertThat(this.authorizations).containsExactly("Bearer tok-1", "Bearer tok-1", "Bearer tok-1",
				"Bearer tok-1", "Bearer tok-3");
	}

	@Test
	void failedEarlyRefreshOfLongLivedTokenWaitsThirtySecondsBeforeTheNextTry() {
		this.expiresIn = 3600;
		this.client.secrets().read("app/db/password");
		this.tokenEndpointDown = true;
		this.clock.advance(Duration.ofSeconds(2900));
		this.client.secrets().read("app/db/password");
		this.clock.advance(Duration.ofSeconds(29));
		this.client.secrets().read("app/db/password");
		assertThat(this.tokenRequests).hasValue(2);
		this.clock.advance(Duration.ofSeconds(2));
		this.client.secrets().read("app/db/password");
		assertThat(this.tokenRequests).hasValue(3);
		assertThat(this.authorizations).hasSize(4).containsOnly("Bearer tok-1");
	}

	@Test
	void tokenExpiredAnswerRefreshesOnceAndRetriesOnce() {
		this.apiAnswers.add(json(401, TOKEN_EXPIRED));
		Secret secret = this.client.secrets().read("app/db/password");
		assertThat(secret.version()).isEqualTo(1);
		assertThat(this.tokenRequests).hasValue(2);
		assertThat(this.authorizations).containsExactly("Bearer tok-1", "Bearer tok-2");
	}

	@Test
	void tokenExpiredAgainAfterRefreshThrowsAuthentication() {
		this.apiAnswers.add(json(401, TOKEN_EXPIRED));
		this.apiAnswers.add(json(401, TOKEN_EXPIRED));
		assertThatExceptionOfType(AuthenticationException.class)
			.isThrownBy(() -> this.client.secrets().read("app/db/password"))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo("token_expired"));
		assertThat(this.tokenRequests).hasValue(2);
		assertThat(this.authorizations).hasSize(2);
	}

	@Test
	void tokenExpiredOnNonIdempotentCallIsAlsoRetriedOnce() {
		this.apiAnswers.add(json(401, TOKEN_EXPIRED));
		this.apiAnswers.add(json(200, "{\"path\": \"app/db/password\", \"version\": 2, \"previous_version\": 1}"));
		assertThat(this.client.secrets().rotate("app/db/password").version()).isEqualTo(2);
		assertThat(this.authorizations).containsExactly("Bearer tok-1", "Bearer tok-2");
	}

	@Test
	void authenticationRequiredIsNotRetried() {
		this.apiAnswers.add(json(401, "{\"error\": {\"code\": \"authentication_required\", \"message\": \"No\"}}"));
		assertThatExceptionOfType(AuthenticationException.class)
			.isThrownBy(() -> this.client.secrets().read("app/db/password"));
		assertThat(this.tokenRequests).hasValue(1);
		assertThat(this.authorizations).hasSize(1);
	}

	@Test
	void fiftyThreadsOnAnExpiredTokenMakeOneTokenRequest() throws Exception {
		this.client.secrets().read("app/db/password");
		assertThat(this.tokenRequests).hasValue(1);
		this.clock.advance(Duration.ofSeconds(101));
		ExecutorService threads = Executors.newFixedThreadPool(50);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Secret>> results = new ArrayList<>();
			for (int i = 0; i < 50; i++) {
				results.add(threads.submit(() -> {
					assertThat(start.await(30, TimeUnit.SECONDS)).isTrue();
					return this.client.secrets().read("app/db/password");
				}));
			}
			start.countDown();
			for (Future<Secret> result : results) {
				assertThat(result.get(30, TimeUnit.SECONDS).version()).isEqualTo(1);
			}
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(this.tokenRequests).hasValue(2);
		assertThat(this.authorizations).hasSize(51).endsWith("Bearer tok-2");
	}

	@Test
	void fiftyThreadsWithoutAnyTokenYetMakeOneTokenRequest() throws Exception {
		List<java.util.concurrent.CompletableFuture<Secret>> results = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			results.add(this.client.async().secrets().read("app/db/password"));
		}
		for (java.util.concurrent.CompletableFuture<Secret> result : results) {
			assertThat(result.get(30, TimeUnit.SECONDS).version()).isEqualTo(1);
		}
		assertThat(this.tokenRequests).hasValue(1);
	}

	@Test
	void tokenEndpointRejectingTheClientThrowsAuthentication() throws Exception {
		this.server.close();
		try (MockWebServer rejecting = new MockWebServer()) {
			rejecting.enqueue(json(401, "{\"error\": \"invalid_client\", \"error_description\": \"Unknown client\"}"));
			rejecting.start();
			try (ScaiVaultClient rejected = builder().baseUrl(rejecting.url("/").toString()).build()) {
				assertThatExceptionOfType(AuthenticationException.class)
					.isThrownBy(() -> rejected.secrets().read("app/db/password"))
					.satisfies((ex) -> {
						assertThat(ex.getCode()).isEqualTo("invalid_client");
						assertThat(ex.getMessage()).isEqualTo("Unknown client").doesNotContain("s3cr3t");
						assertThat(ex.getStatusCode()).isEqualTo(401);
					});
			}
			assertThat(rejecting.getRequestCount()).isEqualTo(1);
		}
	}

	@Test
	void customTokenUriIsUsed() throws Exception {
		try (MockWebServer keys = new MockWebServer()) {
			keys.enqueue(json(200, "{\"access_token\": \"other\", \"token_type\": \"Bearer\", \"expires_in\": 60}"));
			keys.start();
			try (ScaiVaultClient other = builder().tokenUri(keys.url("/realms/acme/token").toString()).build()) {
				other.secrets().read("app/db/password");
			}
			assertThat(keys.takeRequest().getTarget()).isEqualTo("/realms/acme/token");
		}
		assertThat(this.tokenRequests).hasValue(0);
		assertThat(this.authorizations).containsExactly("Bearer other");
	}

	@Test
	void toStringOfClientAndProvidersShowsNoSecretOrToken() {
		this.client.secrets().read("app/db/password");
		assertThat(this.client.toString()).contains(this.server.url("/").toString().replaceAll("/$", ""))
			.contains("client-credentials")
			.doesNotContain("s3cr3t", "tok-1");
		assertThat(new AccessToken("tok-secret", "Bearer", 60L).toString()).doesNotContain("tok-secret");
		assertThat(new StaticTokenProvider("static-secret").toString()).doesNotContain("static-secret");
		assertThat(new ClientCredentialsTokenProvider((form) -> null, "id", "hidden-secret", null, this.clock)
			.toString()).doesNotContain("hidden-secret");
	}

}
