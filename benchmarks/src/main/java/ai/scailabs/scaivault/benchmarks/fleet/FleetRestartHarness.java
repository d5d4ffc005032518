package ai.scailabs.scaivault.benchmarks.fleet;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

import ai.scailabs.scaivault.benchmarks.Harness;
import ai.scailabs.scaivault.benchmarks.Samples;
import ai.scailabs.scaivault.client.ScaiVaultClient;
import ai.scailabs.scaivault.config.data.StartupAttempts;
import ai.scailabs.scaivault.config.data.StartupJitter;
import ai.scailabs.scaivault.devserver.ScaiVaultDevServer;
import ai.scailabs.scaivault.devserver.faults.Fault;
import ai.scailabs.scaivault.devserver.faults.LoggedRequest;

import org.springframework.boot.bootstrap.BootstrapRegistry;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * A fleet of replicas restarting at once into a ScaiVault that serves {@code --rate} requests a
 * second and answers the rest {@code 429} with {@code Retry-After} ({@link Fault#aboveRate}). Each
 * replica is a thread running the real start-up import path of one application, Spring Boot's
 * config data processing of {@code spring.config.import=scaivault:...} on its own environment and
 * bootstrap context (its own client, token and {@code StartupRetry}), without the rest of an
 * application context, so that 100 of them fit on a small machine. All replicas are released
 * together.
 * <p>
 * Two modes, interleaved round by round in one run: {@code jitter} (the default: after
 * {@code Retry-After}, a random share of the backoff) and {@code lock-step} (a
 * {@link StartupJitter} of 0 registered in each bootstrap context: every replica retries exactly at
 * {@code Retry-After}). Per mode: replicas started and failed, the time from the release to the
 * last replica ready (and the median), the peak request rate the server saw (per 100 ms and in any
 * sliding second, from its request log; for retries, the requests from {@code Retry-After} after
 * the release on, when every first attempt has been answered), the {@code 429} answers, and the
 * attempts and waits the replicas counted ({@link StartupAttempts}).
 * <p>
 * Options: {@code --replicas N} (default 100), {@code --rate N} requests a second (default 20),
 * {@code --retry-after S} seconds (default 1), {@code --rounds N} (default 3).
 */
public final class FleetRestartHarness {

	private static final String PATH = "apps/fleet/db";

	private static final String ROOT = "fleet-root";

	private static final long TIMEOUT_SECONDS = 300;

	private final ScaiVaultDevServer server;

	private final int replicas;

	private final int rate;

	private final Duration retryAfter;

	private FleetRestartHarness(ScaiVaultDevServer server, int replicas, int rate, Duration retryAfter) {
		this.server = server;
		this.replicas = replicas;
		this.rate = rate;
		this.retryAfter = retryAfter;
	}

	/**
	 * @param args {@code --replicas N}, {@code --rate N}, {@code --retry-after S}, {@code --rounds N}
	 * @throws Exception when the harness itself fails
	 */
	public static void main(String[] args) throws Exception {
		int replicas = Integer.parseInt(Harness.option(args, "--replicas", "100"));
		int rate = Integer.parseInt(Harness.option(args, "--rate", "20"));
		Duration retryAfter = Duration.ofSeconds(Long.parseLong(Harness.option(args, "--retry-after", "1")));
		int rounds = Integer.parseInt(Harness.option(args, "--rounds", "3"));
		String seed = "{\"secrets\": {\"" + PATH + "\": {\"data\": {\"username\": \"fleet\", \"password\": \"s3cr3t\"}}}}";
		// one line per retry of 100 replicas says nothing the table does not
		LoggingSystem.get(FleetRestartHarness.class.getClassLoader())
			.setLogLevel("ai.scailabs.scaivault.config.data", LogLevel.WARN);
		try (ScaiVaultDevServer server = ScaiVaultDevServer.builder().rootToken(ROOT).seed(seed).start()) {
			FleetRestartHarness harness = new FleetRestartHarness(server, replicas, rate, retryAfter);
			System.out.printf(Locale.ROOT, "Fleet restart: %d replicas, server serves %d requests/s, Retry-After %d s,"
					+ " %d rounds%n", replicas, rate, retryAfter.toSeconds(), rounds);
			harness.warmUp();
			List<Mode> order = new ArrayList<>(List.of(Mode.values()));
			Map<Mode, List<Result>> results = Map.of(Mode.JITTER, new ArrayList<>(), Mode.LOCK_STEP, new ArrayList<>());
			for (int round = 1; round <= rounds; round++) {
				for (Mode mode : order) {
					Result result = harness.restart(mode);
					results.get(mode).add(result);
					System.out.printf(Locale.ROOT, "round %d %-9s %s%n", round, mode.label, result);
				}
				Collections.reverse(order);
			}
			System.out.println();
			System.out.println("| mode | replicas ready / failed (per round) | last replica ready, ms | median replica ready, ms"
					+ " | peak requests per 100 ms, all | peak retries per 100 ms | peak retries in any second"
					+ " | 429 answers | requests | attempts per replica (max) | wait per replica, ms (mean) |");
			System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
			for (Mode mode : Mode.values()) {
				System.out.println(summary(mode, results.get(mode)));
			}
			Samples lastJitter = samples(results.get(Mode.JITTER), Result::lastReadyMillis);
			Samples lastLockStep = samples(results.get(Mode.LOCK_STEP), Result::lastReadyMillis);
			Samples peakJitter = samples(results.get(Mode.JITTER), Result::peakRetriesPer100Millis);
			Samples peakLockStep = samples(results.get(Mode.LOCK_STEP), Result::peakRetriesPer100Millis);
			Samples limitedJitter = samples(results.get(Mode.JITTER), Result::rateLimited);
			Samples limitedLockStep = samples(results.get(Mode.LOCK_STEP), Result::rateLimited);
			System.out.printf(Locale.ROOT, "%njitter / lock-step, paired by round (median): last replica ready %.2f,"
					+ " peak retries per 100 ms %.2f, 429 answers %.2f%n", lastJitter.pairedRatioMedian(lastLockStep),
					peakJitter.pairedRatioMedian(peakLockStep), limitedJitter.pairedRatioMedian(limitedLockStep));
			System.out.println("(medians of the rounds; retries: the requests from Retry-After after the release on,"
					+ " when every first attempt has long been answered)");
		}
	}

	/** One replica's import without faults, so that the classes are loaded before anything is timed. */
	private void warmUp() throws Exception {
		Replica.Outcome outcome = new Replica(this.server.baseUrl(), StartupJitter.RANDOM).start();
		if (outcome.failure() != null) {
			throw new IllegalStateException("Warm-up import failed", outcome.failure());
		}
	}

	private Result restart(Mode mode) throws Exception {
		this.server.faults().clear();
		// a fresh bucket: the server has served nobody for a second
		this.server.faults().add(Fault.rateLimited(this.retryAfter).forPath("/v1/secrets").aboveRate(this.rate));
		this.server.requestLog().clear();
		ExecutorService threads = Executors.newFixedThreadPool(this.replicas);
		try {
			CountDownLatch release = new CountDownLatch(1);
			List<Future<Replica.Outcome>> outcomes = new ArrayList<>();
			List<CountDownLatch> ready = new ArrayList<>();
			for (int i = 0; i < this.replicas; i++) {
				CountDownLatch waiting = new CountDownLatch(1);
				ready.add(waiting);
				Replica replica = new Replica(this.server.baseUrl(), mode.jitter);
				outcomes.add(threads.submit(() -> {
					waiting.countDown();
					release.await();
					return replica.start();
				}));
			}
			for (CountDownLatch waiting : ready) {
				waiting.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
			}
			long released = System.nanoTime();
			Instant releasedAt = Instant.now();
			release.countDown();
			Samples readyMillis = new Samples();
			int failed = 0;
			long maxAttempts = 0;
			long waitedMillis = 0;
			for (Future<Replica.Outcome> future : outcomes) {
				Replica.Outcome outcome = future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
				StartupAttempts attempts = outcome.attempts();
				if (outcome.failure() != null || attempts == null) {
					failed++;
					if (failed == 1) {
						System.out.println("first failure: " + outcome.failure());
					}
					continue;
				}
				readyMillis.add(TimeUnit.NANOSECONDS.toMillis(outcome.readyNanos() - released));
				maxAttempts = Math.max(maxAttempts, attempts.getAttempts());
				waitedMillis += attempts.getWaitTime().toMillis();
			}
			List<LoggedRequest> requests = this.server.requestLog()
				.entries()
				.stream()
				.filter((request) -> request.path().startsWith("/v1/secrets"))
				.toList();
			Instant retriesFrom = releasedAt.plus(this.retryAfter);
			List<LoggedRequest> retries = requests.stream()
				.filter((request) -> !request.timestamp().isBefore(retriesFrom))
				.toList();
			return new Result(readyMillis.size(), failed, readyMillis.max(), readyMillis.percentile(50),
					peak(requests, releasedAt, Duration.ofMillis(100)), peak(retries, retriesFrom, Duration.ofMillis(100)),
					peakSliding(retries, Duration.ofSeconds(1)),
					requests.stream().filter((request) -> request.status() == 429).count(), requests.size(), maxAttempts,
					(readyMillis.size() > 0) ? waitedMillis / readyMillis.size() : 0);
		}
		finally {
			threads.shutdownNow();
		}
	}

	/** Most requests in one fixed bucket, buckets counted from the release. */
	private static long peak(List<LoggedRequest> requests, Instant from, Duration bucket) {
		Map<Long, Long> counts = new java.util.HashMap<>();
		for (LoggedRequest request : requests) {
			long index = Math.floorDiv(Duration.between(from, request.timestamp()).toNanos(), bucket.toNanos());
			counts.merge(index, 1L, Long::sum);
		}
		return counts.values().stream().mapToLong(Long::longValue).max().orElse(0);
	}

	/** Most requests in any window of the given length. */
	private static long peakSliding(List<LoggedRequest> requests, Duration window) {
		List<Instant> times = requests.stream().map(LoggedRequest::timestamp).sorted().toList();
		long peak = 0;
		int first = 0;
		for (int last = 0; last < times.size(); last++) {
			while (Duration.between(times.get(first), times.get(last)).compareTo(window) >= 0) {
				first++;
			}
			peak = Math.max(peak, last - first + 1);
		}
		return peak;
	}

	private static String summary(Mode mode, List<Result> results) {
		return String.format(Locale.ROOT, "| %s | %s | %d | %d | %d | %d | %d | %d | %d | %d | %d |", mode.label,
				String.join(", ", results.stream().map((r) -> r.ready() + " / " + r.failed()).toList()),
				samples(results, Result::lastReadyMillis).percentile(50),
				samples(results, Result::medianReadyMillis).percentile(50),
				samples(results, Result::peakPer100Millis).percentile(50),
				samples(results, Result::peakRetriesPer100Millis).percentile(50),
				samples(results, Result::peakRetriesPerSecond).percentile(50),
				samples(results, Result::rateLimited).percentile(50), samples(results, Result::requests).percentile(50),
				samples(results, Result::maxAttempts).max(),
				samples(results, Result::meanWaitMillis).percentile(50));
	}

	private static Samples samples(List<Result> results, java.util.function.ToLongFunction<Result> value) {
		Samples samples = new Samples();
		results.forEach((result) -> samples.add(value.applyAsLong(result)));
		return samples;
	}

	private enum Mode {

		JITTER("jitter", StartupJitter.RANDOM), LOCK_STEP("lock-step", () -> 0);

		private final String label;

		private final StartupJitter jitter;

		Mode(String label, StartupJitter jitter) {
			this.label = label;
			this.jitter = jitter;
		}

	}

	/**
	 * The figures of one restart of the fleet.
	 *
	 * @param ready replicas that imported
	 * @param failed replicas whose import failed
	 * @param lastReadyMillis from the release to the last replica ready
	 * @param medianReadyMillis from the release to the median replica ready
	 * @param peakPer100Millis most requests the server saw in 100 ms (the first burst included)
	 * @param peakRetriesPer100Millis most retries the server saw in 100 ms
	 * @param peakRetriesPerSecond most retries the server saw in any second
	 * @param rateLimited requests answered {@code 429}
	 * @param requests requests the server saw
	 * @param maxAttempts most attempts one replica made
	 * @param meanWaitMillis mean time a replica waited between attempts
	 */
	record Result(long ready, long failed, long lastReadyMillis, long medianReadyMillis, long peakPer100Millis,
			long peakRetriesPer100Millis, long peakRetriesPerSecond, long rateLimited, long requests, long maxAttempts, long meanWaitMillis) {

		@Override
		public String toString() {
			return String.format(Locale.ROOT,
					"ready %d, failed %d, last ready %d ms, median %d ms, peak %d/100 ms, retries %d/100 ms,"
							+ " %d/s, %d x 429 of %d requests, max %d attempts, mean wait %d ms",
					this.ready, this.failed, this.lastReadyMillis, this.medianReadyMillis, this.peakPer100Millis,
					this.peakRetriesPer100Millis, this.peakRetriesPerSecond, this.rateLimited, this.requests, this.maxAttempts, this.meanWaitMillis);
		}

	}

	/**
	 * One replica: the config data import of an application, on its own environment and bootstrap
	 * context.
	 */
	private static final class Replica {

		private final StandardEnvironment environment = new StandardEnvironment();

		private final DefaultBootstrapContext bootstrap = new DefaultBootstrapContext();

		Replica(String baseUrl, StartupJitter jitter) {
			this.environment.getPropertySources()
				.addFirst(new MapPropertySource("replica",
						Map.of("spring.config.import", "scaivault:" + PATH, "scaivault.base-url", baseUrl,
								"scaivault.token", ROOT)));
			this.bootstrap.register(StartupJitter.class, BootstrapRegistry.InstanceSupplier.of(jitter));
		}

		Outcome start() {
			try {
				ConfigDataEnvironmentPostProcessor.applyTo(this.environment, new DefaultResourceLoader(), this.bootstrap,
						List.of());
				long ready = System.nanoTime();
				if (!"fleet".equals(this.environment.getProperty("username"))) {
					throw new IllegalStateException("The import did not bind username");
				}
				return new Outcome(ready, this.bootstrap.get(StartupAttempts.class), null);
			}
			catch (RuntimeException ex) {
				return new Outcome(0, null, ex);
			}
			finally {
				if (this.bootstrap.isRegistered(ScaiVaultClient.class)) {
					this.bootstrap.get(ScaiVaultClient.class).close();
				}
			}
		}

		/**
		 * @param readyNanos when the import finished ({@link System#nanoTime()})
		 * @param attempts what the import counted
		 * @param failure why it failed, or {@code null}
		 */
		record Outcome(long readyNanos, @Nullable StartupAttempts attempts, @Nullable RuntimeException failure) {
		}

	}

}
