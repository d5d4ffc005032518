package ai.scailabs.scaivault.client;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ai.scailabs.scaivault.client.WireTestSupport.RecordingDelayer;
import ai.scailabs.scaivault.devserver.ScaiVaultDevServer;
import ai.scailabs.scaivault.devserver.faults.Fault;
import ai.scailabs.scaivault.devserver.faults.LoggedRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client against faults the dev server injects: a fifth of the reads fail, and none of it
 * reaches the caller; a write whose first attempt timed out leaves one version. The delayer is
 * injected, so no retry waits.
 */
class FaultToleranceEndToEndTests {

	private static final String PATH = "app/faults/db";

	private static final int READS = 1000;

	private final RecordingDelayer delayer = new RecordingDelayer();

	private ScaiVaultDevServer server;

	@BeforeEach
	void setUp() {
		this.server = ScaiVaultDevServer.builder().start();
	}

	@AfterEach
	void tearDown() {
		this.server.close();
	}

	@Test
	void readWhenAFifthOfTheAnswersFailThenNoErrorReachesTheCaller() {
		CountingListener listener = new CountingListener();
		try (ScaiVaultClient client = DevServerClients.builder(this.server)
			.token(this.server.rootToken())
			.delayer(this.delayer)
			.maxRetries(8)
			.requestListener(listener)
			.build()) {
			client.secrets().write(PATH, Map.of("password", "not-logged"));
			this.server.requestLog().clear();
			String prefix = "/v1/secrets/" + PATH;
			// A fifth of the requests fail, each fault kind on its own request numbers (a retry is a
			// request too), chosen by a seeded random so that runs repeat.
			List<List<Integer>> numbers = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
			Random random = new Random(11);
			for (int n = 1; n <= 2 * READS; n++) {
				if (random.nextDouble() < 0.2) {
					numbers.get(random.nextInt(3)).add(n);
				}
			}
			this.server.faults()
				.add(Fault.rateLimited(Duration.ofSeconds(1)).onRequests(numbers.get(0).toArray(Integer[]::new))
					.forMethod("GET").forPath(prefix))
				.add(Fault.unavailable().onRequests(numbers.get(1).toArray(Integer[]::new))
					.forMethod("GET").forPath(prefix))
				.add(Fault.dropConnection().onRequests(numbers.get(2).toArray(Integer[]::new))
					.forMethod("GET").forPath(prefix));
			int errors = 0;
			for (int i = 0; i < READS; i++) {
				try {
					assertThat(client.secrets().read(PATH).version()).isEqualTo(1);
				}
				catch (ScaiVaultException ex) {
					errors++;
				}
			}
			List<LoggedRequest> log = this.server.requestLog().entries();
			long faulted = log.stream().filter((entry) -> entry.status() != 200).count();
			long answeredFaults = log.stream().filter((entry) -> entry.status() == 429 || entry.status() == 503).count();
			assertThat(errors).isZero();
			assertThat(faulted).isBetween(READS * 15L / 100, READS * 25L / 100);
			// Every failed request is followed by exactly one more: the client's retry, or, for a
			// dropped keep-alive connection, possibly the JDK client's own retry of a GET.
			assertThat(log).hasSize(READS + (int) faulted);
			assertThat(listener.retries.get()).isBetween((int) answeredFaults, (int) faulted);
			assertThat(this.delayer.delays()).hasSize(listener.retries.get());
			assertThat(listener.failed.get()).isZero();
		}
	}

	@Test
	void writeWhenTheFirstAttemptTimesOutThenTheRetryLeavesOneVersion() {
		this.server.faults().add(Fault.latency(Duration.ofSeconds(3)).onRequests(1).forMethod("PUT"));
		try (ScaiVaultClient client = DevServerClients.builder(this.server)
			.token(this.server.rootToken())
			.delayer(this.delayer)
			.timeout(Duration.ofMillis(1500))
			.build()) {
			client.secrets().write(PATH, Map.of("password", "not-logged"));
			assertThat(this.delayer.delays()).hasSize(1);
			// The first attempt is still being served: wait (bounded) until the server logged both.
			Instant deadline = Instant.now().plusSeconds(30);
			while (this.server.requestCount("PUT", "/v1/secrets/") < 2 && Instant.now().isBefore(deadline)) {
				Thread.onSpinWait();
			}
			assertThat(this.server.requestCount("PUT", "/v1/secrets/")).isEqualTo(2);
			assertThat(client.secrets().read(PATH).version()).isEqualTo(1);
		}
	}

	static final class CountingListener implements RequestListener {

		final AtomicInteger retries = new AtomicInteger();

		final AtomicInteger failed = new AtomicInteger();

		@Override
		public void onRetry(String operation, int attempt, String cause, Duration delay) {
			this.retries.incrementAndGet();
		}

		@Override
		public void onEnd(String operation, int statusCode, @Nullable String errorCode, int attempts,
				Duration duration) {
			if (errorCode != null) {
				this.failed.incrementAndGet();
			}
		}

	}

}
