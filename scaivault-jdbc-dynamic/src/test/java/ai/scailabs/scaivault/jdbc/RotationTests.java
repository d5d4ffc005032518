package ai.scailabs.scaivault.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.zaxxer.hikari.HikariPoolMXBean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ai.scailabs.scaivault.client.ScaiVaultClient;
import ai.scailabs.scaivault.client.dynamic.DynamicRoleRequest;
import ai.scailabs.scaivault.devserver.ScaiVaultDevServer;
import ai.scailabs.scaivault.devserver.junit.ScaiVaultDevServerTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A {@link LeasedDataSource} against a real database through the dev server's dynamic engine: its
 * sessions log in as the lease's user, it rotates before the lease ends with no failed query, and
 * it recovers from a revocation underneath. Subclasses say which database.
 */
@ScaiVaultDevServerTest
abstract class RotationTests {

	private static final AtomicInteger roles = new AtomicInteger();

	private static final Duration WAIT = Duration.ofSeconds(60);

	/**
	 * A lease of a few seconds. The dev server counts a lease from the whole second it was issued
	 * in, so it lasts 5 to 6 seconds: rotated halfway, it leaves a loaded machine seconds to take
	 * the next lease (which takes a second when four builds share two cores).
	 */
	private static final Duration SHORT_TTL = Duration.ofSeconds(6);

	ScaiVaultDevServer server;

	protected ScaiVaultClient client;

	protected final RecordingEvents events = new RecordingEvents();

	private final List<LeasedDataSource> dataSources = new ArrayList<>();

	private final String engine;

	protected RotationTests(String engine) {
		this.engine = engine;
	}

	@BeforeEach
	void configureEngine() {
		this.client = ScaiVaultClient.builder()
			.baseUrl(this.server.baseUrl())
			.token(this.server.rootToken())
			.environment((name) -> null)
			.build();
		configureEngine(this.server, this.client, this.engine);
	}

	@AfterEach
	void closeDataSources() {
		for (LeasedDataSource dataSource : this.dataSources) {
			dataSource.close();
		}
		for (LeaseEvent.Created created : this.events.ofType(LeaseEvent.Created.class)) {
			assertThat(this.client.dynamic().listLeases(this.engine).data())
				.noneMatch((lease) -> lease.leaseId().equals(created.leaseId()));
		}
		this.client.close();
	}

	/**
	 * Configure the engine on the dev server.
	 * @param server the dev server
	 * @param client a root client
	 * @param engine the engine name
	 */
	protected abstract void configureEngine(ScaiVaultDevServer server, ScaiVaultClient client, String engine);

	/** @return the query that answers the session's user */
	protected abstract String currentUserQuery();

	/**
	 * @param account a user name
	 * @return whether the database still has it
	 */
	protected abstract boolean accountExists(String account) throws SQLException;

	@Test
	void rotateWhenLeaseCannotBeExtendedThenNewSessionsLogInAsNewUserAndOldAccountIsDropped() throws Exception {
		LeasedDataSource dataSource = dataSource(SHORT_TTL, SHORT_TTL);
		String first = dataSource.getLeaseManager().status().username();
		String firstLease = dataSource.getLeaseManager().status().leaseId();
		assertThat(currentUser(dataSource)).isEqualTo(first);
		assertThat(accountExists(first)).isTrue();
		LeaseEvent.Rotated rotated = this.events.await(LeaseEvent.Rotated.class,
				(event) -> event.previousLeaseId().equals(firstLease), WAIT);
		assertThat(rotated.reason()).isEqualTo("expiring");
		this.events.await(LeaseEvent.Revoked.class, (event) -> event.leaseId().equals(firstLease), WAIT);
		String second = currentUser(dataSource);
		assertThat(second).isNotEqualTo(first);
		assertThat(this.events.ofType(LeaseEvent.Created.class))
			.anySatisfy((created) -> assertThat(created.leaseId()).isEqualTo(rotated.leaseId()));
		assertThat(accountExists(first)).isFalse();
		assertThat(this.events.ofType(LeaseEvent.Revoked.class))
			.filteredOn((event) -> event.leaseId().equals(firstLease))
			.singleElement()
			.satisfies((event) -> assertThat(event.openConnections()).isZero());
	}

	@Test
	void queryUnderLoadWhenLeaseRotatesSeveralTimesThenNoQueryFails() throws Exception {
		LeasedDataSource dataSource = dataSource(SHORT_TTL, SHORT_TTL);
		List<Throwable> failures = new CopyOnWriteArrayList<>();
		Set<String> users = ConcurrentHashMap.newKeySet();
		AtomicLong queries = new AtomicLong();
		AtomicBoolean running = new AtomicBoolean(true);
		ExecutorService executor = Executors.newFixedThreadPool(8);
		try {
			List<Future<?>> workers = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				workers.add(executor.submit(() -> {
					while (running.get()) {
						try {
							users.add(currentUser(dataSource));
							queries.incrementAndGet();
						}
						catch (SQLException | RuntimeException ex) {
							failures.add(ex);
						}
					}
				}));
			}
			this.events.awaitCount(LeaseEvent.Rotated.class, 3, WAIT);
			running.set(false);
			for (Future<?> worker : workers) {
				worker.get(30, TimeUnit.SECONDS);
			}
		}
		finally {
			running.set(false);
			executor.shutdownNow();
		}
		assertThat(failures).as("failed queries of %s; events:%n%s", queries.get(), this.events.timeline()).isEmpty();
		assertThat(queries.get()).isPositive();
		assertThat(users).hasSizeGreaterThanOrEqualTo(3);
		assertThat(this.events.ofType(LeaseEvent.Failed.class)).isEmpty();
	}

	@Test
	void rotateUnderLoadThenReplacesOldConnectionsOneAtATimeThenRevokesOldLease() throws Exception {
		// rotated after 6 s: 3 s to replace the connections one at a time, all at once after 4.5 s
		LeasedDataSource dataSource = dataSource(Duration.ofSeconds(12), Duration.ofSeconds(12));
		warmUp(dataSource, dataSource.getMaximumPoolSize());
		HikariPoolMXBean pool = dataSource.getHikariPoolMXBean();
		String first = dataSource.getLeaseManager().status().username();
		String firstLease = dataSource.getLeaseManager().status().leaseId();
		List<Throwable> failures = new CopyOnWriteArrayList<>();
		AtomicInteger fewestConnections = new AtomicInteger(Integer.MAX_VALUE);
		AtomicLong oldAfterRotation = new AtomicLong();
		AtomicLong oldAfterRevocation = new AtomicLong();
		long deadline = System.nanoTime() + WAIT.toNanos();
		ExecutorService executor = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> workers = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				workers.add(executor.submit(() -> {
					boolean revoked = false;
					while (!revoked && System.nanoTime() < deadline) {
						boolean rotated = hasRotatedFrom(firstLease);
						revoked = hasRevoked(firstLease);
						try {
							String user = currentUser(dataSource);
							if (user.equals(first) && rotated) {
								(revoked ? oldAfterRevocation : oldAfterRotation).incrementAndGet();
							}
						}
						catch (SQLException | RuntimeException ex) {
							failures.add(ex);
						}
						int connections = pool.getTotalConnections();
						// until the deadline, after which those left go at once (the pool could not keep up)
						java.time.Instant closeBy = dataSource.retirementDeadline();
						if (closeBy == null || java.time.Instant.now().isBefore(closeBy)) {
							fewestConnections.accumulateAndGet(connections, Math::min);
						}
					}
				}));
			}
			for (Future<?> worker : workers) {
				worker.get(WAIT.toSeconds() + 30, TimeUnit.SECONDS);
			}
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(hasRevoked(firstLease)).as("old lease revoked; events:%n%s", this.events.timeline()).isTrue();
		assertThat(failures).as("failed queries; events:%n%s", this.events.timeline()).isEmpty();
		// the old lease's connections kept serving after the rotation, each until its turn came
		assertThat(oldAfterRotation.get()).isPositive();
		assertThat(oldAfterRevocation.get()).isZero();
		// one replaced at a time: before the deadline, the pool never had more than one connection fewer than its size
		assertThat(fewestConnections.get()).isGreaterThanOrEqualTo(dataSource.getMaximumPoolSize() - 1);
		assertThat(this.events.ofType(LeaseEvent.Revoked.class))
			.filteredOn((event) -> event.leaseId().equals(firstLease))
			.singleElement()
			.satisfies((event) -> assertThat(event.openConnections()).isZero());
		assertThat(accountExists(first)).isFalse();
	}

	@Test
	void revokeUnderneathThePoolThenPoolRecoversWithFreshLease() throws Exception {
		LeasedDataSource dataSource = dataSource(Duration.ofHours(1), Duration.ofHours(2));
		warmUp(dataSource, 4);
		String first = dataSource.getLeaseManager().status().username();
		String firstLease = dataSource.getLeaseManager().status().leaseId();
		this.client.dynamic().revokeLease(firstLease);
		// what a caller sees meanwhile: a query on a connection whose session the revocation ended
		// fails once (Hikari then discards it): at most one failure per pooled connection, and none for
		// a connection idle for more than 500 ms, which Hikari checks before handing it out; new
		// connections log in refused, take a fresh lease and try again without the caller seeing it
		int failed = 0;
		Set<String> seen = new java.util.TreeSet<>();
		String user = null;
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (user == null || user.equals(first)) {
			if (System.nanoTime() > deadline) {
				fail("The pool did not recover within " + WAIT);
			}
			try {
				user = currentUser(dataSource);
			}
			catch (SQLException ex) {
				failed++;
				seen.add(ex.getClass().getSimpleName() + ": " + ex.getMessage());
			}
		}
		assertThat(failed).as("queries that failed on ended sessions: %s", seen).isLessThanOrEqualTo(dataSource.getMaximumPoolSize());
		this.events.await(LeaseEvent.Rotated.class, (event) -> event.previousLeaseId().equals(firstLease), WAIT);
		for (int i = 0; i < 50; i++) {
			assertThat(currentUser(dataSource)).isEqualTo(dataSource.getLeaseManager().status().username());
		}
		assertThat(accountExists(first)).isFalse();
	}

	@Test
	void leaseRevokedThenRotatesAtOnce() throws Exception {
		LeasedDataSource dataSource = dataSource(Duration.ofHours(1), Duration.ofHours(2));
		String first = currentUser(dataSource);
		String firstLease = dataSource.getLeaseManager().status().leaseId();
		dataSource.getLeaseManager().leaseRevoked(firstLease);
		LeaseEvent.Rotated rotated = this.events.await(LeaseEvent.Rotated.class,
				(event) -> event.previousLeaseId().equals(firstLease), WAIT);
		assertThat(rotated.reason()).isEqualTo("revoked");
		this.events.await(LeaseEvent.Revoked.class, (event) -> event.leaseId().equals(firstLease), WAIT);
		assertThat(currentUser(dataSource)).isNotEqualTo(first);
		assertThat(accountExists(first)).isFalse();
	}

	@Test
	void closeThenClosesPoolAndRevokesLease() throws Exception {
		LeasedDataSource dataSource = dataSource(Duration.ofHours(1), Duration.ofHours(2));
		String user = currentUser(dataSource);
		dataSource.close();
		assertThat(dataSource.isClosed()).isTrue();
		assertThat(dataSource.getLeaseManager().status().state()).isEqualTo(LeaseStatus.State.CLOSED);
		assertThat(accountExists(user)).isFalse();
	}

	/**
	 * A pool on a new role of the engine.
	 * @param ttl the lease TTL
	 * @param maxTtl the role's max TTL
	 * @return the data source, closed after the test
	 */
	protected LeasedDataSource dataSource(Duration ttl, Duration maxTtl) {
		String role = "app" + roles.incrementAndGet();
		this.client.dynamic().createRole(this.engine, DynamicRoleRequest.withDefaultStatements(role, ttl, maxTtl));
		LeaseEventPublisher publisher = new LeaseEventPublisher();
		publisher.addListener(this.events);
		LeasedDataSource dataSource = LeasedDataSource.builder(this.client)
			.engine(this.engine)
			.role(role)
			.ttl(ttl)
			.rotateAt(0.5)
			.tickInterval(Duration.ofMillis(100))
			.events(publisher)
			.build();
		dataSource.setMaximumPoolSize(8);
		dataSource.setPoolName("test-" + role);
		this.dataSources.add(dataSource);
		return dataSource;
	}

	/**
	 * @param dataSource a pool
	 * @return the user its next connection's session runs as
	 */
	protected String currentUser(LeasedDataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(currentUserQuery())) {
			result.next();
			return result.getString(1);
		}
	}

	private boolean hasRotatedFrom(String leaseId) {
		return this.events.ofType(LeaseEvent.Rotated.class).stream().anyMatch((event) -> event.previousLeaseId().equals(leaseId));
	}

	private boolean hasRevoked(String leaseId) {
		return this.events.ofType(LeaseEvent.Revoked.class).stream().anyMatch((event) -> event.leaseId().equals(leaseId));
	}

	private static void warmUp(LeasedDataSource dataSource, int connections) throws SQLException {
		List<Connection> open = new ArrayList<>();
		try {
			for (int i = 0; i < connections; i++) {
				open.add(dataSource.getConnection());
			}
		}
		finally {
			for (Connection connection : open) {
				connection.close();
			}
		}
	}

}
