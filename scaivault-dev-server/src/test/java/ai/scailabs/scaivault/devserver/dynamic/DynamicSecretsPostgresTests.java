package ai.scailabs.scaivault.devserver.dynamic;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import ai.scailabs.scaivault.devserver.events.Event;
import ai.scailabs.scaivault.devserver.http.ApiException;
import ai.scailabs.scaivault.devserver.http.ErrorCode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link DynamicSecrets} against a real PostgreSQL (see {@link Databases}).
 */
class DynamicSecretsPostgresTests extends RealDatabaseTests {

	DynamicSecretsPostgresTests() {
		super("support-db");
	}

	@Override
	protected Connection connectAdmin() {
		return Databases.postgres();
	}

	@Override
	protected EngineRequest engineRequest(String name) {
		return new EngineRequest(name, "postgresql", Databases.postgresUrl(), Databases.postgresAdmin().username(),
				Databases.postgresAdmin().password(), true);
	}

	@Override
	protected boolean accountExists(Connection connection, String username) throws SQLException {
		return Databases.postgresRoleExists(connection, username);
	}

	@Test
	void generateCreatesRoleThatCanLogInAndQuery() throws SQLException {
		Credentials credentials = generate(null);
		try (Connection connection = Databases.open(credentials.lease().engine().credentialsUrl(),
				credentials.lease().username(), credentials.password());
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT current_user")) {
			assertThat(result.next()).isTrue();
			assertThat(result.getString(1)).isEqualTo(credentials.lease().username());
		}
		assertThat(credentials.lease().username()).startsWith("sv_readonly_");
		assertThat(credentials.password()).hasSize(32);
	}

	@Test
	void generateSetsValidUntilToLeaseExpiry() throws SQLException {
		Credentials credentials = generate(Duration.ofMinutes(30));
		assertThat(Databases.postgresValidUntil(this.admin, credentials.lease().username()))
			.isEqualTo(credentials.lease().expiresAt());
		assertThat(credentials.lease().expiresAt()).isEqualTo(credentials.lease().issuedAt().plus(Duration.ofMinutes(30)));
	}

	@Test
	void generatedRoleCannotLogInWithWrongPassword() {
		Credentials credentials = generate(null);
		assertThat(Databases.loginFailure(Databases.postgresUrl(), credentials.lease().username(), "not-the-password"))
			.contains("password authentication failed");
	}

	@Test
	void generatedRolePastValidUntilCannotLogIn() throws SQLException {
		Credentials credentials = generate(null);
		try (Statement statement = this.admin.createStatement()) {
			statement.execute("ALTER ROLE \"" + credentials.lease().username() + "\" VALID UNTIL '2000-01-01 00:00:00+00'");
		}
		assertThat(Databases.loginFailure(Databases.postgresUrl(), credentials.lease().username(), credentials.password()))
			.isNotNull();
	}

	@Test
	void generateCapsTtlAtMaxTtl() {
		Credentials credentials = generate(Duration.ofHours(10));
		assertThat(credentials.lease().expiresAt()).isEqualTo(credentials.lease().issuedAt().plus(Duration.ofHours(2)));
	}

	@Test
	void revokeEndsSessionsAndDropsRole() throws SQLException {
		Credentials credentials = generate(null);
		String username = credentials.lease().username();
		try (Connection session = Databases.open(Databases.postgresUrl(), username, credentials.password())) {
			session.createStatement().execute("SELECT 1");
			this.dynamic.revoke(credentials.lease().id());
			assertThatExceptionOfType(SQLException.class)
				.isThrownBy(() -> session.createStatement().execute("SELECT 1"));
		}
		assertThat(Databases.postgresRoleExists(this.admin, username)).isFalse();
		assertThat(Databases.loginFailure(Databases.postgresUrl(), username, credentials.password())).isNotNull();
		assertThat(this.events.ofType("lease.revoked")).singleElement().satisfies((event) -> {
			assertThat(event.path()).isEqualTo("dynamic/support-db/creds/readonly");
			assertThat(event.data()).containsEntry("lease_id", credentials.lease().id())
				.containsEntry("reason", "revoked");
		});
	}

	@Test
	void revokeWhenAlreadyRevokedIsFine() {
		Credentials credentials = generate(null);
		this.dynamic.revoke(credentials.lease().id());
		this.dynamic.revoke(credentials.lease().id());
		assertThat(this.events.ofType("lease.revoked")).hasSize(1);
	}

	@Test
	void revokeWhenLeaseIsUnknownThrowsNotFound() {
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> this.dynamic.revoke("lease_nope"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.NOT_FOUND));
	}

	@Test
	void expiryDropsRoleAndPublishesEvents() throws SQLException {
		Credentials credentials = generate(Duration.ofMinutes(10));
		String username = credentials.lease().username();
		this.clock.advance(Duration.ofMinutes(9));
		assertThat(Databases.postgresRoleExists(this.admin, username)).isTrue();
		assertThat(this.events.ofType("lease.expiring")).hasSize(1);
		this.clock.advance(Duration.ofMinutes(2));
		this.dynamic.awaitIdle();
		assertThat(Databases.postgresRoleExists(this.admin, username)).isFalse();
		assertThat(Databases.loginFailure(Databases.postgresUrl(), username, credentials.password())).isNotNull();
		assertThat(this.events.all()).extracting(Event::type).containsExactly("lease.expiring", "lease.revoked");
		assertThat(this.events.ofType("lease.revoked").get(0).data()).containsEntry("reason", "expired");
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> this.dynamic.renew(credentials.lease().id(), null))
			.withMessageContaining("expired");
	}

	@Test
	void expiringIsPublishedOnceShortlyBeforeExpiry() {
		Credentials credentials = generate(Duration.ofHours(1));
		this.clock.advance(Duration.ofMinutes(54));
		assertThat(this.events.ofType("lease.expiring")).isEmpty();
		this.clock.advance(Duration.ofMinutes(2));
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(this.events.ofType("lease.expiring")).singleElement()
			.satisfies((event) -> assertThat(event.data()).containsEntry("lease_id", credentials.lease().id())
				.doesNotContainValue(credentials.password()));
	}

	@Test
	void renewMovesExpiryAndValidUntil() throws SQLException {
		Credentials credentials = generate(Duration.ofHours(1));
		this.clock.advance(Duration.ofMinutes(30));
		Lease renewed = this.dynamic.renew(credentials.lease().id(), Duration.ofHours(1)).lease();
		// The dev clock is the system time plus an offset: a second may tick between the two calls.
		assertThat(renewed.expiresAt()).isCloseTo(credentials.lease().issuedAt().plus(Duration.ofMinutes(90)),
				within(2, ChronoUnit.SECONDS));
		assertThat(Databases.postgresValidUntil(this.admin, credentials.lease().username()))
			.isEqualTo(renewed.expiresAt());
	}

	@Test
	void concurrentRenewalsNeverMoveExpiryOrValidUntilBackwards() throws Exception {
		Credentials credentials = generate(Duration.ofHours(1));
		String leaseId = credentials.lease().id();
		this.clock.advance(Duration.ofMinutes(10));
		ExecutorService executor = Executors.newFixedThreadPool(8);
		List<Instant> answered = new ArrayList<>();
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Renewal>> futures = new ArrayList<>();
			for (int i = 0; i < 16; i++) {
				Duration increment = Duration.ofMinutes(55 + 3 * (i % 8));
				futures.add(executor.submit(() -> {
					assertThat(start.await(30, TimeUnit.SECONDS)).isTrue();
					return this.dynamic.renew(leaseId, increment);
				}));
			}
			start.countDown();
			for (Future<Renewal> future : futures) {
				answered.add(future.get(2, TimeUnit.MINUTES).lease().expiresAt());
			}
		}
		finally {
			executor.shutdown();
		}
		Instant latest = answered.stream().max(Instant::compareTo).orElseThrow();
		assertThat(this.dynamic.lease(leaseId).expiresAt()).isEqualTo(latest);
		assertThat(Databases.postgresValidUntil(this.admin, credentials.lease().username())).isEqualTo(latest);
	}

	@Test
	void tickHandsTheDropToTheReaperAndNeverWaitsForTheDatabase() throws SQLException {
		long lock = 0x5343414956L;
		this.dynamic.configureRole("support-db", new RoleRequest("blocking", null,
				List.of("SELECT pg_advisory_xact_lock(" + lock + ")", "REASSIGN OWNED BY \"{{name}}\" TO CURRENT_USER",
						"DROP OWNED BY \"{{name}}\"", "DROP ROLE IF EXISTS \"{{name}}\""),
				Duration.ofMinutes(10), Duration.ofHours(1)));
		Credentials credentials = this.dynamic.generate("support-db", "blocking", null);
		String username = credentials.lease().username();
		this.usernames.add(username);
		try (Statement statement = this.admin.createStatement()) {
			// the drop waits for this lock; a tick that dropped the role itself would wait too
			statement.execute("SELECT pg_advisory_lock(" + lock + ")");
			try {
				this.clock.advance(Duration.ofMinutes(11));
				assertThat(this.dynamic.leases()).isEmpty();
				assertThat(this.events.ofType("lease.revoked")).isEmpty();
				assertThat(Databases.postgresRoleExists(this.admin, username)).isTrue();
			}
			finally {
				statement.execute("SELECT pg_advisory_unlock(" + lock + ")");
			}
		}
		this.dynamic.awaitIdle();
		assertThat(Databases.postgresRoleExists(this.admin, username)).isFalse();
		assertThat(this.events.ofType("lease.revoked")).singleElement()
			.satisfies((event) -> assertThat(event.data()).containsEntry("reason", "expired"));
	}

	@Test
	void renewNeverGoesBeyondMaxTtl() throws SQLException {
		Credentials credentials = generate(Duration.ofHours(1));
		this.clock.advance(Duration.ofMinutes(30));
		Lease renewed = this.dynamic.renew(credentials.lease().id(), Duration.ofHours(5)).lease();
		assertThat(renewed.expiresAt()).isEqualTo(credentials.lease().issuedAt().plus(Duration.ofHours(2)));
		assertThat(renewed.renewable()).isFalse();
		assertThat(Databases.postgresValidUntil(this.admin, credentials.lease().username()))
			.isEqualTo(renewed.expiresAt());
		this.clock.advance(Duration.ofMinutes(91));
		this.dynamic.awaitIdle();
		assertThat(Databases.postgresRoleExists(this.admin, credentials.lease().username())).isFalse();
	}

	@Test
	void closeRevokesEveryOutstandingLease() throws SQLException {
		Credentials first = generate(null);
		Credentials second = generate(null);
		this.dynamic.close();
		assertThat(Databases.postgresRoleExists(this.admin, first.lease().username())).isFalse();
		assertThat(Databases.postgresRoleExists(this.admin, second.lease().username())).isFalse();
		assertThat(this.events.ofType("lease.revoked")).hasSize(2);
	}

	@Test
	void concurrentGenerationsAreAllDroppedOnClose() throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(8);
		try {
			List<Future<Credentials>> futures = new ArrayList<>();
			for (int i = 0; i < 16; i++) {
				futures.add(executor.submit(() -> this.dynamic.generate("support-db", "readonly", null)));
			}
			for (Future<Credentials> future : futures) {
				this.usernames.add(future.get(2, TimeUnit.MINUTES).lease().username());
			}
		}
		finally {
			executor.shutdown();
		}
		assertThat(this.usernames).doesNotHaveDuplicates().hasSize(16);
		assertThat(this.dynamic.leases()).hasSize(16);
		this.dynamic.close();
		for (String username : this.usernames) {
			assertThat(Databases.postgresRoleExists(this.admin, username)).isFalse();
		}
	}

	@Test
	void configureEngineWhenDatabaseIsMissingSaysWhatFailedWithoutPassword() {
		String password = "hunter2-admin-secret";
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> this.dynamic.configureEngine(new EngineRequest("broken", "postgresql",
					Databases.postgresUrl().replace("/test", "/no_such_database"), "postgres", password, true)))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
				assertThat(ex.getMessage()).contains("could not connect").contains("no_such_database")
					.doesNotContain(password);
			});
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> this.dynamic.engine("broken"));
	}

	@Test
	void configureEngineWithoutVerificationAcceptsUnreachableDatabase() {
		this.dynamic.configureEngine(
				new EngineRequest("later", "postgresql", "jdbc:postgresql://127.0.0.1:1/test", "postgres", "x", false));
		assertThat(this.dynamic.engine("later").toString()).doesNotContain("password=x");
	}

	@Test
	void generateWhenCreationStatementFailsDropsWhatWasCreatedAndSaysWhich() {
		this.dynamic.configureRole("support-db", new RoleRequest("broken",
				List.of("CREATE ROLE \"{{name}}\" WITH LOGIN PASSWORD '{{password}}' IN ROLE scaivault_dynamic",
						"GRANT SELECT ON no_such_table TO \"{{name}}\""),
				null, null, null));
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> this.dynamic.generate("support-db", "broken", null))
			.satisfies((ex) -> assertThat(ex.getMessage()).contains("creation statement 2 of role 'broken'")
				.contains("no_such_table"));
		assertThat(this.dynamic.leases()).isEmpty();
	}

	@Test
	void leasesAreListedInOrderOfIssue() {
		Credentials first = generate(null);
		Credentials second = generate(null);
		this.dynamic.revoke(first.lease().id());
		Credentials third = generate(null);
		assertThat(this.dynamic.leases()).extracting(Lease::id).containsExactly(second.lease().id(), third.lease().id());
	}

}
