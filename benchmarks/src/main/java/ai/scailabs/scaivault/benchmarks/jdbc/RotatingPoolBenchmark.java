package ai.scailabs.scaivault.benchmarks.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import ai.scailabs.scaivault.client.ScaiVaultClient;
import ai.scailabs.scaivault.client.dynamic.DynamicRoleRequest;
import ai.scailabs.scaivault.client.dynamic.EngineConfiguration;
import ai.scailabs.scaivault.client.dynamic.EngineType;
import ai.scailabs.scaivault.client.dynamic.Lease;
import ai.scailabs.scaivault.devserver.ScaiVaultDevServer;
import ai.scailabs.scaivault.jdbc.LeaseEvent;
import ai.scailabs.scaivault.jdbc.LeaseEventPublisher;
import ai.scailabs.scaivault.jdbc.LeasedDataSource;

import ai.scailabs.scaivault.benchmarks.Harness;

/**
 * Queries per second and latency of a {@link LeasedDataSource} that rotates to a new lease about
 * every 10 seconds, next to a static HikariCP pool on the same database with an account of the
 * same rights (a lease of the same statements that lasts the whole run), both driven at the same
 * time by the same number of threads, on PostgreSQL and on MariaDB. Each query borrows a
 * connection, runs {@code SELECT 1}, reads the row and returns the connection; failed queries are
 * counted, never retried.
 *
 * <p>The run is split into rounds (the pools and their leases live through all of them); each round
 * gives one ratio of the two pools' query counts, and the median of these is reported next to the
 * ratio over the whole run, so that one noisy stretch on a shared machine does not decide the
 * figure. The pool whose threads start first alternates from round to round.
 *
 * <p>{@code --mode concurrent} (the default) gives each pool its own threads and compares queries
 * per second; on a loaded machine the scheduler's share between the two groups of threads varies
 * by tens of percent from round to round, whatever the pools do. {@code --mode interleaved} runs
 * one query on each pool in turn on the same threads (the order swapped every query), so both meet
 * the same load at the same moment, and compares the rate each pool's queries ran at: queries per
 * second of the time the threads spent in that pool's queries, borrowing included.
 *
 * <pre class="code">
 * java -cp "$CP" ai.scailabs.scaivault.benchmarks.jdbc.RotatingPoolBenchmark [--rounds 5] [--seconds 20]
 *     [--threads 4] [--pool 8] [--databases postgresql,mariadb] [--lease-seconds 20] [--retire-within 0.5]
 *     [--mode concurrent|interleaved]
 * </pre>
 *
 * {@code --retire-within 0} evicts the old lease's connections all at once on each rotation (the
 * behaviour before rolling retirement); {@code --lease-seconds 3600} runs without rotations, to
 * see what the pool costs by itself. Needs PostgreSQL at 127.0.0.1:5432 and MariaDB at
 * 127.0.0.1:3306, database {@code test}, admin {@code postgres} / {@code root} without a password
 * (the machine's test databases).
 */
public final class RotatingPoolBenchmark {

	/** Default {@code --lease-seconds}: a rotation about every 10 s. */
	private static final int LEASE_SECONDS = 20;

	/** Half of a 20 s lease: a rotation about every 10 s. */
	private static final double ROTATE_AT = 0.5;

	/**
	 * Default {@code --retire-within}: the old lease's connections are replaced one at a time within
	 * half of the 10 s it has left; 0 evicts them all at once.
	 */
	private static final double RETIRE_WITHIN = 0.5;

	private RotatingPoolBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int seconds = intOption(args, "--seconds", 20);
		int rounds = intOption(args, "--rounds", 5);
		int threads = intOption(args, "--threads", 4);
		int pool = intOption(args, "--pool", 8);
		Duration lease = Duration.ofSeconds(intOption(args, "--lease-seconds", LEASE_SECONDS));
		boolean interleaved = "interleaved".equals(Harness.option(args, "--mode", "concurrent"));
		double retireWithin = Double.parseDouble(Harness.option(args, "--retire-within", Double.toString(RETIRE_WITHIN)));
		List<String> databases = List.of(Harness.option(args, "--databases", "postgresql,mariadb").split(","));
		System.out.printf(Locale.ROOT, "Rotating pool vs static pool (%s): %d rounds of %d s per database, %d threads "
				+ "per pool, %d connections per pool, lease %s rotated at %.0f%%, retired within %.0f%% of the rest%n",
				interleaved ? "interleaved" : "concurrent", rounds, seconds, threads, pool, lease, ROTATE_AT * 100,
				retireWithin * 100);
		List<String> rows = new ArrayList<>();
		try (ScaiVaultDevServer server = ScaiVaultDevServer.builder().start();
				ScaiVaultClient client = ScaiVaultClient.builder()
					.baseUrl(server.baseUrl())
					.token(server.rootToken())
					.environment((name) -> null)
					.build()) {
			for (String database : databases) {
				List<String> result = run(client, database.trim(), rounds, seconds, threads, pool, lease, retireWithin,
						interleaved);
				result.forEach(System.out::println);
				rows.addAll(result);
			}
		}
		System.out.println();
		System.out.println("| database | pool | queries/s | p50 | p99 | max | failed | rotations | ratio (q/s) "
				+ "| ratio (p99) | median round ratio (q/s) | round ratios (q/s) |");
		System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
		rows.forEach(System.out::println);
	}

	private static List<String> run(ScaiVaultClient client, String database, int rounds, int seconds, int threads,
			int pool, Duration lease, double retireWithin, boolean interleaved) throws Exception {
		EngineConfiguration engine = switch (database) {
			case "postgresql" -> new EngineConfiguration("bench-pg", EngineType.POSTGRESQL,
					"jdbc:postgresql://127.0.0.1:5432/test", "postgres", "", true);
			case "mariadb" -> new EngineConfiguration("bench-maria", EngineType.MYSQL,
					"jdbc:mariadb://127.0.0.1:3306/test", "root", "", true);
			default -> throw new IllegalArgumentException("--databases takes postgresql and mariadb, not " + database);
		};
		client.dynamic().configureEngine(engine);
		// same statements (the engine's defaults), so the same rights: one role rotates, one lasts the run
		client.dynamic()
			.createRole(engine.name(), DynamicRoleRequest.withDefaultStatements("rotating", lease, lease));
		client.dynamic()
			.createRole(engine.name(), DynamicRoleRequest.withDefaultStatements("static", Duration.ofHours(1),
					Duration.ofHours(2)));
		Lease staticLease = client.dynamic().generateCredentials(engine.name(), "static", Duration.ofHours(1));
		AtomicInteger rotations = new AtomicInteger();
		LeaseEventPublisher events = new LeaseEventPublisher();
		events.addListener((event) -> {
			if (event instanceof LeaseEvent.Rotated) {
				rotations.incrementAndGet();
			}
		});
		HikariDataSource fixed = new HikariDataSource();
		fixed.setJdbcUrl(staticLease.connectionUrl());
		fixed.setUsername(staticLease.username());
		fixed.setPassword(staticLease.password());
		fixed.setMaximumPoolSize(pool);
		fixed.setPoolName("static-" + database);
		LeasedDataSource rotating = LeasedDataSource.builder(client)
			.engine(engine.name())
			.role("rotating")
			.ttl(lease)
			.rotateAt(ROTATE_AT)
			.retireWithin(retireWithin)
			.events(events)
			.build();
		rotating.setMaximumPoolSize(pool);
		rotating.setPoolName("rotating-" + database);
		try {
			warmUp(fixed, rotating);
			Samples base = new Samples();
			Samples leased = new Samples();
			List<Double> ratios = new ArrayList<>();
			long elapsed = 0;
			for (int round = 0; round < rounds; round++) {
				String loadBefore = load();
				// the pool whose threads start first alternates, so that neither is favoured by the order
				boolean staticFirst = round % 2 == 0;
				DataSource[] order = staticFirst ? new DataSource[] { fixed, rotating }
						: new DataSource[] { rotating, fixed };
				Round result = interleaved ? interleave(order, threads, Duration.ofSeconds(seconds))
						: drive(order, threads, Duration.ofSeconds(seconds));
				Samples roundBase = result.samples()[staticFirst ? 0 : 1];
				Samples roundLeased = result.samples()[staticFirst ? 1 : 0];
				double ratio = interleaved ? roundLeased.busyRate(threads) / roundBase.busyRate(threads)
						: (double) roundLeased.size / roundBase.size;
				ratios.add(ratio);
				System.out.printf(Locale.ROOT, "%s round %d: static %d, rotating %d queries (%d / %d failed), ratio "
						+ "%.3f, %d rotations so far, load %s -> %s%n", database, round + 1, roundBase.size,
						roundLeased.size, roundBase.failed, roundLeased.failed, ratio, rotations.get(), loadBefore, load());
				base.addAll(roundBase);
				leased.addAll(roundLeased);
				elapsed += result.elapsedNanos();
			}
			System.out.printf(Locale.ROOT, "%s: done %s, load %s%n", database, Instant.now(), load());
			// interleaved: no elapsed time of its own, the rate its threads would reach on this pool alone
			double baseRate = interleaved ? base.busyRate(threads) : base.size / (elapsed / 1e9);
			double leasedRate = interleaved ? leased.busyRate(threads) : leased.size / (elapsed / 1e9);
			Result baseResult = new Result(base, baseRate, null);
			Result leasedResult = new Result(leased, leasedRate, ratios);
			return List.of(baseResult.row(database, "static Hikari", 0, null),
					leasedResult.row(database, "rotating (LeasedDataSource)", rotations.get(), baseResult));
		}
		finally {
			rotating.close();
			fixed.close();
			try {
				client.dynamic().revokeLease(staticLease.leaseId());
			}
			catch (RuntimeException ex) {
				System.out.printf(Locale.ROOT, "%s: static lease %s not revoked (%s); the dev server drops it on close%n",
						database, staticLease.leaseId(), ex);
			}
		}
	}

	private static void warmUp(DataSource... dataSources) throws SQLException {
		for (DataSource dataSource : dataSources) {
			for (int i = 0; i < 2_000; i++) {
				query(dataSource);
			}
		}
	}

	/**
	 * Drive every data source with its own threads at the same time.
	 */
	private static Round drive(DataSource[] dataSources, int threads, Duration duration) throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(dataSources.length * threads);
		AtomicBoolean running = new AtomicBoolean(true);
		CountDownLatch start = new CountDownLatch(1);
		List<List<Future<Samples>>> futures = new ArrayList<>();
		for (DataSource dataSource : dataSources) {
			futures.add(new ArrayList<>());
		}
		// threads of the pools submitted in turn, so that both get theirs at the same moment
		for (int t = 0; t < threads; t++) {
			for (int i = 0; i < dataSources.length; i++) {
				DataSource dataSource = dataSources[i];
				futures.get(i).add(executor.submit(() -> {
					Samples samples = new Samples();
					start.await();
					while (running.get()) {
						long begin = System.nanoTime();
						try {
							query(dataSource);
							samples.add(System.nanoTime() - begin);
						}
						catch (SQLException | RuntimeException ex) {
							samples.failed++;
						}
					}
					return samples;
				}));
			}
		}
		long begin = System.nanoTime();
		start.countDown();
		Thread.sleep(duration.toMillis());
		running.set(false);
		long elapsed = System.nanoTime() - begin;
		Samples[] results = new Samples[dataSources.length];
		for (int i = 0; i < dataSources.length; i++) {
			Samples all = new Samples();
			for (Future<Samples> future : futures.get(i)) {
				all.addAll(future.get(60, TimeUnit.SECONDS));
			}
			results[i] = all;
		}
		executor.shutdownNow();
		return new Round(results, elapsed);
	}

	/**
	 * Drive every data source with the same threads, one query on each in turn (the order swapped
	 * every time), so that both meet the same load at the same moment.
	 */
	private static Round interleave(DataSource[] dataSources, int threads, Duration duration) throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		AtomicBoolean running = new AtomicBoolean(true);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Samples[]>> futures = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			int offset = t;
			futures.add(executor.submit(() -> {
				Samples[] samples = new Samples[dataSources.length];
				for (int i = 0; i < samples.length; i++) {
					samples[i] = new Samples();
				}
				start.await();
				for (long n = offset; running.get(); n++) {
					for (int k = 0; k < dataSources.length; k++) {
						int i = (int) ((n + k) % dataSources.length);
						long begin = System.nanoTime();
						try {
							query(dataSources[i]);
							samples[i].add(System.nanoTime() - begin);
						}
						catch (SQLException | RuntimeException ex) {
							samples[i].failed++;
						}
					}
				}
				return samples;
			}));
		}
		long begin = System.nanoTime();
		start.countDown();
		Thread.sleep(duration.toMillis());
		running.set(false);
		long elapsed = System.nanoTime() - begin;
		Samples[] results = new Samples[dataSources.length];
		for (int i = 0; i < results.length; i++) {
			results[i] = new Samples();
		}
		for (Future<Samples[]> future : futures) {
			Samples[] samples = future.get(60, TimeUnit.SECONDS);
			for (int i = 0; i < results.length; i++) {
				results[i].addAll(samples[i]);
			}
		}
		executor.shutdownNow();
		return new Round(results, elapsed);
	}

	/**
	 * One round's samples, in the order of the data sources driven.
	 *
	 * @param samples the samples of each data source
	 * @param elapsedNanos how long the round ran
	 */
	private record Round(Samples[] samples, long elapsedNanos) {
	}

	private static void query(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT 1")) {
			result.next();
			result.getInt(1);
		}
	}

	private static String load() {
		try {
			return new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/proc/loadavg"))).trim();
		}
		catch (java.io.IOException ex) {
			return "unknown";
		}
	}

	private static int intOption(String[] args, String name, int fallback) {
		return Integer.parseInt(Harness.option(args, name, Integer.toString(fallback)));
	}

	/** Latencies of one thread, in nanoseconds, and its failures. */
	private static final class Samples {

		long[] nanos = new long[1 << 16];

		int size;

		long failed;

		long total;

		/**
		 * @param threads the threads that took the samples
		 * @return queries per second of the time these threads spent in this pool's queries
		 */
		double busyRate(int threads) {
			return this.size * (double) threads / (this.total / 1e9);
		}

		void add(long value) {
			this.total += value;
			if (this.size == this.nanos.length) {
				this.nanos = Arrays.copyOf(this.nanos, this.size * 2);
			}
			this.nanos[this.size++] = value;
		}

		void addAll(Samples other) {
			for (int i = 0; i < other.size; i++) {
				add(other.nanos[i]);
			}
			this.failed += other.failed;
		}

	}

	/** One pool's figures. */
	private static final class Result {

		final double perSecond;

		final double p50;

		final double p99;

		final double max;

		final long failed;

		final List<Double> roundRatios;

		Result(Samples samples, double perSecond, List<Double> roundRatios) {
			this.roundRatios = (roundRatios != null) ? roundRatios : List.of();
			long[] sorted = Arrays.copyOf(samples.nanos, samples.size);
			Arrays.sort(sorted);
			this.perSecond = perSecond;
			this.p50 = millis(sorted, 0.50);
			this.p99 = millis(sorted, 0.99);
			this.max = (sorted.length > 0) ? sorted[sorted.length - 1] / 1e6 : 0;
			this.failed = samples.failed;
		}

		String row(String database, String pool, int rotations, Result base) {
			String ratio = (base != null) ? String.format(Locale.ROOT, "%.3f", this.perSecond / base.perSecond) : "1";
			String ratioP99 = (base != null) ? String.format(Locale.ROOT, "%.2f", this.p99 / base.p99) : "1";
			List<Double> sorted = new ArrayList<>(this.roundRatios);
			sorted.sort(null);
			String median = sorted.isEmpty() ? "–" : String.format(Locale.ROOT, "**%.3f**", median(sorted));
			StringBuilder each = new StringBuilder();
			for (double value : this.roundRatios) {
				each.append((each.length() > 0) ? ", " : "").append(String.format(Locale.ROOT, "%.3f", value));
			}
			return String.format(Locale.ROOT,
					"| %s | %s | %.0f | %.2f ms | %.2f ms | %.1f ms | %d | %s | %s | %s | %s | %s |", database, pool,
					this.perSecond, this.p50, this.p99, this.max, this.failed,
					(base != null) ? Integer.toString(rotations) : "–", ratio, ratioP99, median,
					(each.length() > 0) ? each : "–");
		}

		private static double median(List<Double> sorted) {
			int middle = sorted.size() / 2;
			return (sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
		}

		private static double millis(long[] sorted, double quantile) {
			if (sorted.length == 0) {
				return 0;
			}
			int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
			return sorted[Math.max(0, index)] / 1e6;
		}

	}

}
