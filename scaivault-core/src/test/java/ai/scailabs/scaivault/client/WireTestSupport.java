package ai.scailabs.scaivault.client;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Helpers for the engine's wire tests: JSON answers, recorded bodies, an instant delayer and a clock
 * that tests move by hand.
 */
public final class WireTestSupport {

	private static final JsonMapper plainMapper = JsonMapper.builder().build();

	private WireTestSupport() {
	}

	/**
	 * Return a builder for a client against the server, with a static token, no environment and an
	 * instant delayer.
	 * @param server the server
	 * @param delayer the delayer
	 * @return the builder
	 */
	public static ScaiVaultClientBuilder builder(MockWebServer server, Delayer delayer) {
		return ScaiVaultClient.builder()
			.baseUrl(server.url("/").toString())
			.token("test-token")
			.environment((name) -> null)
			.delayer(delayer);
	}

	public static MockResponse json(int status, String body) {
		return new MockResponse(status, Headers.of("Content-Type", "application/json", "X-Request-Id", "req_hdr"),
				body);
	}

	public static MockResponse json(int status, String body, String... headers) {
		Headers.Builder builder = new Headers.Builder().add("Content-Type", "application/json");
		for (int i = 0; i < headers.length; i += 2) {
			builder.add(headers[i], headers[i + 1]);
		}
		return new MockResponse(status, builder.build(), body);
	}

	public static MockResponse noContent() {
		return new MockResponse(204, Headers.of(), "");
	}

	public static JsonNode bodyOf(RecordedRequest request) {
		return plainMapper.readTree(request.getBody().string(StandardCharsets.UTF_8));
	}

	public static JsonNode json(String text) {
		return plainMapper.readTree(text);
	}

	/**
	 * A delayer that completes at once and records what was asked of it.
	 */
	public static final class RecordingDelayer implements Delayer {

		private final List<Duration> delays = new CopyOnWriteArrayList<>();

		@Override
		public CompletableFuture<Void> delay(Duration delay) {
			this.delays.add(delay);
			return CompletableFuture.completedFuture(null);
		}

		public List<Duration> delays() {
			return this.delays;
		}

	}

	/**
	 * A clock that only moves when told to.
	 */
	public static final class MutableClock extends Clock {

		private volatile Instant now;

		public MutableClock(Instant now) {
			this.now = now;
		}

		public void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
