package ai.scailabs.scaivault.devserver.dynamic;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import ai.scailabs.scaivault.devserver.events.Event;
import ai.scailabs.scaivault.devserver.http.ApiException;
import ai.scailabs.scaivault.devserver.http.ErrorCode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link DynamicSecrets} against a real MariaDB (see {@link Databases}).
 */
class DynamicSecretsMariaDbTests extends RealDatabaseTests {

	DynamicSecretsMariaDbTests() {
		super("orders-db");
	}

	@Override
	protected Connection connectAdmin() {
		return Databases.mariadb();
	}

	@Override
	protected EngineRequest engineRequest(String name) {
		return new EngineRequest(name, "mysql", Databases.mariadbUrl(), Databases.mariadbAdmin().username(),
				Databases.mariadbAdmin().password(), true);
	}

	@Override
	protected boolean accountExists(Connection connection, String username) throws SQLException {
		return Databases.mariadbUserExists(connection, username);
	}

	@Test
	void generateCreatesUserThatCanLogInAndQuery() throws SQLException {
		Credentials credentials = generate(null);
		try (Connection connection = Databases.open(credentials.lease().engine().credentialsUrl(),
				credentials.lease().username(), credentials.password());
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT CURRENT_USER()")) {
			assertThat(result.next()).isTrue();
			assertThat(result.getString(1)).isEqualTo(credentials.lease().username() + "@%");
		}
		assertThat(credentials.lease().username()).hasSizeLessThanOrEqualTo(32);
	}

	@Test
	void generatedUserCannotLogInWithWrongPassword() {
		Credentials credentials = generate(null);
		assertThat(Databases.loginFailure(Databases.mariadbUrl(), credentials.lease().username(), "not-the-password"))
			.contains("Access denied");
	}

	@Test
	void revokeKillsConnectionsAndDropsUser() throws SQLException {
		Credentials credentials = generate(null);
		String username = credentials.lease().username();
		try (Connection session = Databases.open(Databases.mariadbUrl(), username, credentials.password())) {
			session.createStatement().execute("SELECT 1");
			this.dynamic.revoke(credentials.lease().id());
			assertThatExceptionOfType(SQLException.class)
				.isThrownBy(() -> session.createStatement().execute("SELECT 1"));
		}
		assertThat(Databases.mariadbUserExists(this.admin, username)).isFalse();
		assertThat(Databases.loginFailure(Databases.mariadbUrl(), username, credentials.password())).isNotNull();
		assertThat(this.events.ofType("lease.revoked")).singleElement()
			.satisfies((event) -> assertThat(event.data()).containsEntry("reason", "revoked"));
	}

	@Test
	void expiryKillsConnectionsAndDropsUser() throws SQLException {
		Credentials credentials = generate(Duration.ofMinutes(10));
		String username = credentials.lease().username();
		try (Connection session = Databases.open(Databases.mariadbUrl(), username, credentials.password())) {
			this.clock.advance(Duration.ofMinutes(9));
			session.createStatement().execute("SELECT 1");
			this.clock.advance(Duration.ofMinutes(2));
			this.dynamic.awaitIdle();
			assertThatExceptionOfType(SQLException.class)
				.isThrownBy(() -> session.createStatement().execute("SELECT 1"));
		}
		assertThat(Databases.mariadbUserExists(this.admin, username)).isFalse();
		assertThat(Databases.loginFailure(Databases.mariadbUrl(), username, credentials.password())).isNotNull();
		assertThat(this.events.all()).extracting(Event::type).containsExactly("lease.expiring", "lease.revoked");
	}

	@Test
	void renewNeverGoesBeyondMaxTtl() {
		Credentials credentials = generate(Duration.ofHours(1));
		this.clock.advance(Duration.ofMinutes(50));
		Lease renewed = this.dynamic.renew(credentials.lease().id(), Duration.ofMinutes(90)).lease();
		assertThat(renewed.expiresAt()).isEqualTo(credentials.lease().issuedAt().plus(Duration.ofHours(2)));
	}

	@Test
	void closeDropsEveryOutstandingUser() throws SQLException {
		Credentials first = generate(null);
		Credentials second = generate(null);
		this.dynamic.close();
		assertThat(Databases.mariadbUserExists(this.admin, first.lease().username())).isFalse();
		assertThat(Databases.mariadbUserExists(this.admin, second.lease().username())).isFalse();
	}

	@Test
	void concurrentGenerationsAreAllDroppedOnClose() throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(8);
		try {
			List<Future<Credentials>> futures = new ArrayList<>();
			for (int i = 0; i < 16; i++) {
				futures.add(executor.submit(() -> this.dynamic.generate("orders-db", "readonly", null)));
			}
			for (Future<Credentials> future : futures) {
				this.usernames.add(future.get(2, TimeUnit.MINUTES).lease().username());
			}
		}
		finally {
			executor.shutdown();
		}
		assertThat(this.usernames).doesNotHaveDuplicates().hasSize(16);
		this.dynamic.close();
		for (String username : this.usernames) {
			assertThat(Databases.mariadbUserExists(this.admin, username)).isFalse();
		}
	}

	@Test
	void configureEngineWithWrongPasswordSaysWhatFailedWithoutPassword() {
		String password = "hunter2-admin-secret";
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> this.dynamic
				.configureEngine(new EngineRequest("broken", "mysql", Databases.mariadbUrl(), "root", password, true)))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
				assertThat(ex.getMessage()).contains("could not connect").contains("Access denied")
					.doesNotContain(password);
			});
	}

	@Test
	void generateWhenStatementFailsDropsTheUserAndKeepsThePasswordOutOfTheMessage() throws SQLException {
		// a name of its own, so that users left by other builds on the shared MariaDB do not count
		String role = "broken" + Randoms.token(6);
		this.dynamic.configureRole("orders-db", new RoleRequest(role,
				List.of("CREATE USER '{{name}}'@'%' IDENTIFIED BY '{{password}}'", "SELECT '{{password}}' FROM no_such_table"), null, null,
				null));
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> this.dynamic.generate("orders-db", role, null))
			.satisfies((ex) -> assertThat(ex.getMessage()).contains("creation statement 2 of role '" + role + "'")
				.contains("<redacted>")
				.doesNotContainPattern("'[A-Za-z0-9]{32}'"));
		try (PreparedStatement statement = this.admin
			.prepareStatement("SELECT COUNT(*) FROM mysql.user WHERE User LIKE ?")) {
			statement.setString(1, "sv\\_" + role + "\\_%");
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				assertThat(result.getInt(1)).isZero();
			}
		}
	}

	@Test
	void createWhenStatementWithPasswordFailsLeavesTheDriversMessageOut() {
		// MariaDB quotes 80 characters from where parsing stopped: here the first 7 of the password
		String statement = "SELECT 1 + + , '" + "-".repeat(64) + "', '{{password}}'";
		Role readonly = this.dynamic.role("orders-db", "readonly");
		Role role = new Role("orders-db", "cut", List.of(statement), readonly.revocationStatements(),
				Duration.ofHours(1), Duration.ofHours(1), Instant.EPOCH);
		String password = Randoms.password();
		String username = Randoms.accountName("cut");
		this.usernames.add(username);
		DatabaseAccounts accounts = DatabaseAccounts.of(this.dynamic.engine("orders-db"));
		assertThatExceptionOfType(AccountException.class)
			.isThrownBy(() -> accounts.create(role, username, password, Instant.now().plusSeconds(60)))
			.satisfies((ex) -> {
				assertThat(ex.getMessage()).contains("creation statement 1 of role 'cut' failed")
					.contains("'<redacted>'")
					.contains("SQLState 42000, vendor code 1064")
					.doesNotContain("syntax");
				for (int i = 0; i + Redaction.MIN_PART <= password.length(); i++) {
					assertThat(ex.getMessage()).doesNotContain(password.substring(i, i + Redaction.MIN_PART));
				}
			});
	}

	@Test
	void jdbcMysqlUrlIsOpenedWithTheMariaDbDriver() {
		String url = Databases.mariadbUrl().replace("jdbc:mariadb:", "jdbc:mysql:");
		this.dynamic.configureEngine(new EngineRequest("mysql-scheme", "mysql", url,
				Databases.mariadbAdmin().username(), Databases.mariadbAdmin().password(), true));
		assertThat(this.dynamic.engine("mysql-scheme").credentialsUrl()).isEqualTo(url);
	}

}
