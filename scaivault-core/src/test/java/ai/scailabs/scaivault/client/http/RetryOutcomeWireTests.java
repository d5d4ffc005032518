package ai.scailabs.scaivault.client.http;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ai.scailabs.scaivault.client.Delayer;
import ai.scailabs.scaivault.client.NotFoundException;
import ai.scailabs.scaivault.client.RequestListener;
import ai.scailabs.scaivault.client.ScaiVaultAsyncClient;
import ai.scailabs.scaivault.client.ScaiVaultClient;
import ai.scailabs.scaivault.client.ScaiVaultException;
import ai.scailabs.scaivault.client.WireTestSupport;
import ai.scailabs.scaivault.client.WireTestSupport.RecordingDelayer;
import ai.scailabs.scaivault.client.secrets.Secret;

import static ai.scailabs.scaivault.client.WireTestSupport.json;
import static ai.scailabs.scaivault.client.WireTestSupport.noContent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What a retry leaves behind: a timed-out write retried acts once, a retried delete that finds
 * nothing succeeded, a cancelled call stops retrying, and the blocking client runs on the caller's
 * thread. Faults a real server will not make on purpose, hence MockWebServer.
 */
class RetryOutcomeWireTests {

	private static final String SECRET = "{\"path\": \"app/db\", \"version\": 1, \"data\": {\"k\": \"v\"}}";

	private static final String NOT_FOUND = "{\"error\": {\"code\": \"not_found\", \"message\": \"No secret\"}}";

	private static final String UNAVAILABLE = "{\"error\": {\"code\": \"service_unavailable\", \"message\": \"Busy\"}}";

	private final MockWebServer server = new MockWebServer();

	private final RecordingDelayer delayer = new RecordingDelayer();

	private ScaiVaultClient client;

	@BeforeEach
	void setUp() throws Exception {
		this.server.start();
		// Long enough for a loaded machine's answer, short enough that the stalled one times out.
		this.client = WireTestSupport.builder(this.server, this.delayer).timeout(Duration.ofSeconds(1)).build();
	}

	@AfterEach
	void tearDown() {
		this.client.close();
		this.server.close();
	}

	@Test
	void writeWhenFirstAttemptTimesOutThenRetrySendsTheSameIdempotencyKey() throws Exception {
		this.server.enqueue(stalled());
		this.server.enqueue(json(200, "{\"path\": \"app/db\", \"version\": 1}"));
		assertThat(this.client.secrets().write("app/db", Map.of("k", "v")).version()).isEqualTo(1);
		RecordedRequest first = this.server.takeRequest(10, TimeUnit.SECONDS);
		RecordedRequest second = this.server.takeRequest(10, TimeUnit.SECONDS);
		assertThat(first.getMethod()).isEqualTo("PUT");
		assertThat(first.getHeaders().get(HttpApiTransport.IDEMPOTENCY_KEY_HEADER)).isNotBlank()
			.isEqualTo(second.getHeaders().get(HttpApiTransport.IDEMPOTENCY_KEY_HEADER));
	}

	@Test
	void writeWhenCalledTwiceThenSendsTwoIdempotencyKeys() throws Exception {
		this.server.enqueue(json(200, "{\"path\": \"app/db\", \"version\": 1}"));
		this.server.enqueue(json(200, "{\"path\": \"app/db\", \"version\": 2}"));
		this.client.secrets().write("app/db", Map.of("k", "v"));
		this.client.secrets().write("app/db", Map.of("k", "v"));
		String first = this.server.takeRequest(10, TimeUnit.SECONDS).getHeaders().get(HttpApiTransport.IDEMPOTENCY_KEY_HEADER);
		String second = this.server.takeRequest(10, TimeUnit.SECONDS).getHeaders().get(HttpApiTransport.IDEMPOTENCY_KEY_HEADER);
		assertThat(first).isNotEqualTo(second);
	}

	@Test
	void deleteWhenRetryAnswersNotFoundAfterATimeoutThenSucceeds() {
		this.server.enqueue(stalled());
		this.server.enqueue(json(404, NOT_FOUND));
		this.client.secrets().delete("app/db");
		assertThat(this.server.getRequestCount()).isEqualTo(2);
	}

	@Test
	void deleteWhenRetryAnswersNotFoundAfterServiceUnavailableThenThrowsNotFound() {
		// 503: the server did not act, so not_found is the truth.
		this.server.enqueue(json(503, UNAVAILABLE));
		this.server.enqueue(json(404, NOT_FOUND));
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> this.client.secrets().delete("app/db"));
	}

	@Test
	void deleteWhenFirstAttemptAnswersNotFoundThenThrowsNotFound() {
		this.server.enqueue(json(404, NOT_FOUND));
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> this.client.secrets().delete("app/db"));
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void deleteWhenRetrySucceedsAfterATimeoutThenSucceeds() {
		this.server.enqueue(stalled());
		this.server.enqueue(noContent());
		this.client.secrets().delete("app/db");
		assertThat(this.server.getRequestCount()).isEqualTo(2);
	}

	@Test
	void cancelWhenARetryIsScheduledThenCancelsTheWaitAndSendsNoMore() throws Exception {
		PendingDelayer pending = new PendingDelayer();
		this.server.enqueue(json(503, UNAVAILABLE));
		this.server.enqueue(json(200, SECRET));
		try (ScaiVaultAsyncClient async = WireTestSupport.builder(this.server, pending).buildAsync()) {
			CompletableFuture<Secret> read = async.secrets().read("app/db");
			CompletableFuture<Void> wait = pending.waits.poll(10, TimeUnit.SECONDS);
			assertThat(wait).isNotNull();
			assertThat(read.cancel(true)).isTrue();
			// The wait may be handed to the call just after the cancel: it is cancelled then (bounded wait).
			assertThatExceptionOfType(CancellationException.class).isThrownBy(() -> wait.get(10, TimeUnit.SECONDS));
			assertThat(this.server.getRequestCount()).isEqualTo(1);
			assertThatExceptionOfType(CancellationException.class).isThrownBy(read::join);
		}
	}

	@Test
	void cancelWhenTheDefaultSchedulerWaitsThenTheRetryIsNeverSent() throws Exception {
		this.server.enqueue(json(503, UNAVAILABLE, "Retry-After", "20"));
		this.server.enqueue(json(200, SECRET));
		RecordingListener listener = new RecordingListener();
		try (ScaiVaultAsyncClient async = ScaiVaultClient.builder()
			.baseUrl(this.server.url("/").toString())
			.token("test-token")
			.environment((name) -> null)
			.requestListener(listener)
			.buildAsync()) {
			CompletableFuture<Secret> read = async.secrets().read("app/db");
			// Retry-After, plus full jitter up to the first backoff (500 ms by default)
			assertThat(listener.retried.get(10, TimeUnit.SECONDS)).isBetween(Duration.ofSeconds(20),
					Duration.ofMillis(20500));
			read.cancel(true);
			assertThat(listener.ended.get(10, TimeUnit.SECONDS)).isEqualTo("cancelled");
		}
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void blockingCallRunsOnTheCallersThreadRetriesIncluded() {
		RecordingListener listener = new RecordingListener();
		this.server.enqueue(json(503, UNAVAILABLE));
		this.server.enqueue(json(200, SECRET));
		try (ScaiVaultClient onCaller = WireTestSupport.builder(this.server, this.delayer)
			.requestListener(listener)
			.build()) {
			onCaller.secrets().read("app/db");
		}
		assertThat(listener.threads).containsOnly(Thread.currentThread().getName()).hasSize(3);
	}

	@Test
	void joinWhenSeveralCallersShareOneFailureThenLeavesTheExceptionUnchanged() {
		ScaiVaultException shared = new ScaiVaultException("service_unavailable", "Busy", Map.of(), null, 503);
		CompletableFuture<String> failed = CompletableFuture.failedFuture(shared);
		for (int i = 0; i < 3; i++) {
			assertThatExceptionOfType(ScaiVaultException.class).isThrownBy(() -> Blocking.join(failed))
				.isSameAs(shared);
		}
		assertThat(shared.getSuppressed()).isEmpty();
	}

	private static MockResponse stalled() {
		return new MockResponse.Builder().code(200).body("{}").onResponseStart(SocketEffect.Stall.INSTANCE).build();
	}

	/** A delayer whose waits never end unless completed or cancelled. */
	static final class PendingDelayer implements Delayer {

		final java.util.concurrent.BlockingQueue<CompletableFuture<Void>> waits = new java.util.concurrent.LinkedBlockingQueue<>();

		@Override
		public CompletableFuture<Void> delay(Duration delay) {
			CompletableFuture<Void> wait = new CompletableFuture<>();
			this.waits.add(wait);
			return wait;
		}

	}

	static final class RecordingListener implements RequestListener {

		final List<String> threads = new CopyOnWriteArrayList<>();

		final CompletableFuture<Duration> retried = new CompletableFuture<>();

		final CompletableFuture<@Nullable String> ended = new CompletableFuture<>();

		@Override
		public void onStart(String operation, String method) {
			this.threads.add(Thread.currentThread().getName());
		}

		@Override
		public void onRetry(String operation, int attempt, String cause, Duration delay) {
			this.threads.add(Thread.currentThread().getName());
			this.retried.complete(delay);
		}

		@Override
		public void onEnd(String operation, int statusCode, @Nullable String errorCode, int attempts,
				Duration duration) {
			this.threads.add(Thread.currentThread().getName());
			this.ended.complete(errorCode);
		}

	}

}
