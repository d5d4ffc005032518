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

/**
 * Queries per second and latency of a {@link LeasedDataSource} that rotates to a new lease about
 * every 10 seconds, next to a static HikariCP pool on the same database with an account of the
 * same rights (a lease of the same statements that lasts the whole run), both driven at the same
 * time by the same number of threads, on PostgreSQL and on MariaDB. Each query borrows a
 * connection, runs {@code SELECT 1}, reads the row and returns the connection; failed queries are
 * counted, never retried.
 *
 * <pre class="code">
 * java -cp "$CP" ai.scailabs.scaivault.benchmarks.jdbc.RotatingPoolBenchmark [--seconds 60] [--threads 4] [--pool 8] [--databases postgresql,mariadb]
 * </pre>
 *
 * Needs PostgreSQL at 127.0.0.1:5432 and MariaDB at 127.0.0.1:3306, database {@code test}, admin
 * {@code postgres} / {@code root} without a password (the machine's test databases).
 */
public final class RotatingPoolBenchmark {

	private static final Duration LEASE_TTL = Duration.ofSeconds(20);

	/** Half of a 20 s lease: a rotation about every 10 s. */
	private static final double ROTATE_AT = 0.5;

	private RotatingPoolBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int seconds = intOption(args, "--seconds", 60);
		int threads = intOption(args, "--threads", 4);
		int pool = intOption(args, "--pool", 8);
		List<String> databases = List.of(option(args, "--databases", "postgresql,mariadb").split(","));
		System.out.printf(Locale.ROOT, "Rotating pool vs static pool: %d s per database, %d threads per pool, "
				+ "%d connections per pool, lease %s rotated at %.0f%%%n", seconds, threads, pool, LEASE_TTL,
				ROTATE_AT * 100);
		List<String> rows = new ArrayList<>();
		try (ScaiVaultDevServer server = ScaiVaultDevServer.builder().start();
				ScaiVaultClient client = ScaiVaultClient.builder()
					.baseUrl(server.baseUrl())
					.token(server.rootToken())
					.environment((name) -> null)
					.build()) {
			for (String database : databases) {
				List<String> result = run(client, database.trim(), seconds, threads, pool);
				result.forEach(System.out::println);
				rows.addAll(result);
			}
		}
		System.out.println();
		System.out.println("| database | pool | queries/s | p50 | p99 | max | failed | rotations | ratio (q/s) | ratio (p99) |");
		System.out.println("|---|---|---|---|---|---|---|---|---|---|");
		rows.forEach(System.out::println);
	}

	private static List<String> run(ScaiVaultClient client, String database, int seconds, int threads, int pool)
			throws Exception {
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
			.createRole(engine.name(), DynamicRoleRequest.withDefaultStatements("rotating", LEASE_TTL, LEASE_TTL));
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
			.ttl(LEASE_TTL)
			.rotateAt(ROTATE_AT)
			.events(events)
			.build();
		rotating.setMaximumPoolSize(pool);
		rotating.setPoolName("rotating-" + database);
		try {
			warmUp(fixed, rotating);
			System.out.printf(Locale.ROOT, "%s: load before %s%n", database, load());
			Result[] results = drive(new DataSource[] { fixed, rotating }, threads, Duration.ofSeconds(seconds));
			System.out.printf(Locale.ROOT, "%s: load after %s, %s%n", database, load(), Instant.now());
			Result base = results[0];
			Result leased = results[1];
			return List.of(base.row(database, "static Hikari", 0, null),
					leased.row(database, "rotating (LeasedDataSource)", rotations.get(), base));
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
	private static Result[] drive(DataSource[] dataSources, int threads, Duration duration) throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(dataSources.length * threads);
		AtomicBoolean running = new AtomicBoolean(true);
		CountDownLatch start = new CountDownLatch(1);
		List<List<Future<Samples>>> futures = new ArrayList<>();
		for (DataSource dataSource : dataSources) {
			List<Future<Samples>> perSource = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				perSource.add(executor.submit(() -> {
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
			futures.add(perSource);
		}
		long begin = System.nanoTime();
		start.countDown();
		Thread.sleep(duration.toMillis());
		running.set(false);
		long elapsed = System.nanoTime() - begin;
		Result[] results = new Result[dataSources.length];
		for (int i = 0; i < dataSources.length; i++) {
			Samples all = new Samples();
			for (Future<Samples> future : futures.get(i)) {
				all.addAll(future.get(60, TimeUnit.SECONDS));
			}
			results[i] = new Result(all, elapsed);
		}
		executor.shutdownNow();
		return results;
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

	private static String option(String[] args, String name, String fallback) {
		for (int i = 0; i < args.length - 1; i++) {
			if (args[i].equals(name)) {
				return args[i + 1];
			}
		}
		return fallback;
	}

	private static int intOption(String[] args, String name, int fallback) {
		return Integer.parseInt(option(args, name, Integer.toString(fallback)));
	}

	/** Latencies of one thread, in nanoseconds, and its failures. */
	private static final class Samples {

		long[] nanos = new long[1 << 16];

		int size;

		long failed;

		void add(long value) {
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

		Result(Samples samples, long elapsedNanos) {
			long[] sorted = Arrays.copyOf(samples.nanos, samples.size);
			Arrays.sort(sorted);
			this.perSecond = samples.size / (elapsedNanos / 1e9);
			this.p50 = millis(sorted, 0.50);
			this.p99 = millis(sorted, 0.99);
			this.max = (sorted.length > 0) ? sorted[sorted.length - 1] / 1e6 : 0;
			this.failed = samples.failed;
		}

		String row(String database, String pool, int rotations, Result base) {
			String ratio = (base != null) ? String.format(Locale.ROOT, "%.3f", this.perSecond / base.perSecond) : "1";
			String ratioP99 = (base != null) ? String.format(Locale.ROOT, "%.2f", this.p99 / base.p99) : "1";
			return String.format(Locale.ROOT, "| %s | %s | %.0f | %.2f ms | %.2f ms | %.1f ms | %d | %s | %s | %s |",
					database, pool, this.perSecond, this.p50, this.p99, this.max, this.failed,
					(base != null) ? Integer.toString(rotations) : "–", ratio, ratioP99);
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
