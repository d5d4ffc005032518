package ai.scailabs.scaivault.config.data;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ai.scailabs.scaivault.client.AccessDeniedException;
import ai.scailabs.scaivault.client.RateLimitException;
import ai.scailabs.scaivault.client.ScaiVaultClient;
import ai.scailabs.scaivault.client.ScaiVaultException;
import ai.scailabs.scaivault.config.ScaiVaultProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link StartupRetry}: full jitter, Retry-After, and a budget that holds, on a clock
 * that only the recorded sleeps move.
 */
class StartupRetryTests {

	private final FakeSleeper sleeper = new FakeSleeper();

	private final ScaiVaultProperties.ImportRetry settings = new ScaiVaultProperties.ImportRetry();

	private ScaiVaultClient client;

	@BeforeEach
	void setUp() throws IOException {
		// Nothing listens there: every call is refused at once.
		this.client = ScaiVaultClient.builder()
			.baseUrl("http://127.0.0.1:" + freePort())
			.token("t")
			.environment((name) -> null)
			.build();
	}

	@AfterEach
	void tearDown() {
		this.client.close();
	}

	@Test
	void callWhenUnavailableRetriesWithFullJitterUpToTheCappedBackoff() {
		this.settings.setMaxAttempts(5);
		this.settings.setInitialInterval(Duration.ofSeconds(1));
		this.settings.setMultiplier(2);
		this.settings.setMaxInterval(Duration.ofSeconds(3));
		AtomicInteger calls = new AtomicInteger();
		String result = retry(() -> 0.5).call("path a", this.client, budget(), (once) -> {
			if (calls.incrementAndGet() < 5) {
				throw unavailable();
			}
			return "ok";
		});
		assertThat(result).isEqualTo("ok");
		// half of 1 s, 2 s, 3 s (capped), 3 s
		assertThat(this.sleeper.sleeps).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000),
				Duration.ofMillis(1500), Duration.ofMillis(1500));
	}

	@Test
	void callWhenRateLimitedWaitsForRetryAfterPlusJitter() {
		this.settings.setInitialInterval(Duration.ofSeconds(1));
		AtomicInteger calls = new AtomicInteger();
		retry(() -> 0.25).call("path a", this.client, budget(), (once) -> {
			if (calls.incrementAndGet() < 2) {
				throw new RateLimitException("rate_limited", "Slow down", Map.of(), "req_1", 429, Duration.ofSeconds(5));
			}
			return "ok";
		});
		assertThat(this.sleeper.sleeps).containsExactly(Duration.ofMillis(5250));
	}

	@Test
	void callWhenAttemptsAreExhaustedThrowsLastFailure() {
		this.settings.setMaxAttempts(2);
		assertThatExceptionOfType(ScaiVaultException.class)
			.isThrownBy(() -> retry(() -> 0.5).call("path a", this.client, budget(), (once) -> {
				throw unavailable();
			}))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo("service_unavailable"));
		assertThat(this.sleeper.sleeps).hasSize(1);
	}

	@Test
	void callWhenDeniedDoesNotRetry() {
		assertThatExceptionOfType(AccessDeniedException.class)
			.isThrownBy(() -> retry(() -> 0.5).call("path a", this.client, budget(), (once) -> {
				throw new AccessDeniedException("access_denied", "denied", Map.of(), "req_1", 403);
			}));
		assertThat(this.sleeper.sleeps).isEmpty();
	}

	@Test
	void callWhenServerIsUnreachableFailsWithinTheBudget() {
		this.settings.setBudget(Duration.ofSeconds(20));
		this.settings.setMaxAttempts(1000);
		this.settings.setInitialInterval(Duration.ofSeconds(1));
		this.settings.setMultiplier(2);
		this.settings.setMaxInterval(Duration.ofSeconds(8));
		Instant start = this.sleeper.now();
		assertThatExceptionOfType(ScaiVaultException.class)
			.isThrownBy(() -> retry(() -> 0.99).call("path a", this.client, budget(),
					(once) -> once.secrets().read("a/b")))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(ScaiVaultException.CONNECTION_ERROR));
		assertThat(this.sleeper.sleeps).isNotEmpty().hasSizeLessThan(10);
		assertThat(Duration.between(start, this.sleeper.now())).isLessThanOrEqualTo(Duration.ofSeconds(20));
	}

	@Test
	void callWhenRetryAfterIsBeyondTheBudgetGivesUpAtOnce() {
		this.settings.setBudget(Duration.ofSeconds(10));
		assertThatExceptionOfType(RateLimitException.class)
			.isThrownBy(() -> retry(() -> 0.5).call("path a", this.client, budget(), (once) -> {
				throw new RateLimitException("rate_limited", "Slow down", Map.of(), "req_1", 429, Duration.ofSeconds(60));
			}));
		assertThat(this.sleeper.sleeps).isEmpty();
	}

	@Test
	void callGivesTheActionASingleAttemptClient() {
		this.settings.setMaxAttempts(3);
		List<ScaiVaultClient> clients = new ArrayList<>();
		assertThatExceptionOfType(ScaiVaultException.class)
			.isThrownBy(() -> retry(() -> 0.5).call("path a", this.client, budget(), (once) -> {
				clients.add(once);
				return once.secrets().read("a/b");
			}));
		// one request per attempt: the client's own retries (3 by default) are not used
		assertThat(clients).hasSize(3).doesNotContain(this.client);
	}

	@Test
	void callCountsAttemptsByOutcomeRetriesAndTimeWaited() {
		this.settings.setInitialInterval(Duration.ofSeconds(1));
		StartupAttempts attempts = new StartupAttempts();
		StartupRetry retry = new StartupRetry(this.settings, Duration.ofSeconds(10), this.sleeper,
				LogFactory.getLog(getClass()), () -> 0.5, attempts);
		AtomicInteger calls = new AtomicInteger();
		retry.call("path a", this.client, budget(), (once) -> switch (calls.incrementAndGet()) {
			case 1 -> throw new RateLimitException("rate_limited", "Slow down", Map.of(), "req_1", 429,
					Duration.ofSeconds(2));
			case 2 -> throw unavailable();
			default -> "ok";
		});
		assertThat(attempts.getAttempts()).isEqualTo(3);
		assertThat(attempts.getSuccessful()).isEqualTo(1);
		assertThat(attempts.getRateLimited()).isEqualTo(1);
		assertThat(attempts.getFailed()).isEqualTo(1);
		assertThat(attempts.getRetries()).isEqualTo(2);
		// 2 s + half of 1 s, then half of 1.5 s
		assertThat(attempts.getWaitTime()).isEqualTo(Duration.ofMillis(2500 + 750));
		assertThat(attempts.getWaitTime()).isEqualTo(this.sleeper.sleeps.stream().reduce(Duration.ZERO, Duration::plus));
	}

	@Test
	void callWhenJitterIsZeroRetriesExactlyAtRetryAfter() {
		this.settings.setInitialInterval(Duration.ofSeconds(1));
		AtomicInteger calls = new AtomicInteger();
		retry(() -> 0).call("path a", this.client, budget(), (once) -> {
			if (calls.incrementAndGet() < 3) {
				throw new RateLimitException("rate_limited", "Slow down", Map.of(), "req_1", 429, Duration.ofSeconds(1));
			}
			return "ok";
		});
		assertThat(this.sleeper.sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
	}

	private StartupRetry.Budget budget() {
		return new StartupRetry.Budget(this.sleeper.now().plus(this.settings.getBudget()));
	}

	private StartupRetry retry(java.util.function.DoubleSupplier random) {
		return new StartupRetry(this.settings, Duration.ofSeconds(10), this.sleeper, LogFactory.getLog(getClass()),
				random);
	}

	private static ScaiVaultException unavailable() {
		return new ScaiVaultException("service_unavailable", "unavailable", Map.of(), "req_1", 503);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/** Records the sleeps and moves its clock by them, without waiting. */
	static final class FakeSleeper implements StartupSleeper {

		final List<Duration> sleeps = new ArrayList<>();

		private Instant now = Instant.parse("2026-12-02T00:00:00Z");

		@Override
		public void sleep(Duration duration) {
			this.sleeps.add(duration);
			this.now = this.now.plus(duration);
		}

		@Override
		public Instant now() {
			return this.now;
		}

	}

}
