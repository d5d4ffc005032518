package ai.scailabs.scaivault.devserver.dynamic;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * PostgreSQL accounts: login roles whose password expires with the lease ({@code VALID UNTIL}),
 * moved on renewal; revocation forbids new logins, terminates the role's backends and then runs
 * the revocation statements in one transaction.
 */
final class PostgresAccounts extends DatabaseAccounts {

	private static final String DUPLICATE_OBJECT = "42710";

	private static final String UNIQUE_VIOLATION = "23505";

	/** The advisory lock key that serializes account changes (an arbitrary fixed number). */
	private static final long ADVISORY_LOCK = 0x73636169766175L;

	PostgresAccounts(Engine engine) {
		super(engine);
	}

	/**
	 * Create the group role {@code scaivault_dynamic} when the role's statements join it and it is
	 * missing.
	 */
	@Override
	protected void prepare(Connection connection, Role role) throws SQLException {
		boolean joinsGroup = role.creationStatements()
			.stream()
			.anyMatch((sql) -> sql.toLowerCase(Locale.ROOT).contains(DatabaseType.POSTGRESQL_GROUP));
		if (!joinsGroup) {
			return;
		}
		try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
			query.setString(1, DatabaseType.POSTGRESQL_GROUP);
			if (query.executeQuery().next()) {
				return;
			}
		}
		try (Statement statement = connection.createStatement()) {
			statement.execute("CREATE ROLE " + DatabaseType.POSTGRESQL_GROUP + " NOLOGIN");
		}
		catch (SQLException ex) {
			if (!DUPLICATE_OBJECT.equals(ex.getSQLState()) && !UNIQUE_VIOLATION.equals(ex.getSQLState())) {
				throw ex;
			}
		}
	}

	/**
	 * Take a transaction-scoped advisory lock: PostgreSQL fails concurrent {@code GRANT}s and
	 * {@code DROP OWNED}s on the same object with "tuple concurrently updated".
	 */
	@Override
	protected void serialize(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("SELECT pg_advisory_xact_lock(" + ADVISORY_LOCK + ")");
		}
	}

	@Override
	void extend(String username, Instant expiration) {
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			statement.execute("ALTER ROLE " + quoteIdentifier(username) + " VALID UNTIL '"
					+ EXPIRATION.format(expiration) + "'");
		}
		catch (SQLException ex) {
			throw failure("could not move the expiry of account " + username, ex);
		}
	}

	@Override
	protected void revoke(Connection connection, String username, List<String> statements) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
			query.setString(1, username);
			if (!query.executeQuery().next()) {
				return;
			}
		}
		try (Statement statement = connection.createStatement()) {
			statement.execute("ALTER ROLE " + quoteIdentifier(username) + " NOLOGIN");
		}
		endSessions(connection,
				"SELECT pid FROM pg_stat_activity WHERE usename = ? AND pid <> pg_backend_pid()", username,
				"SELECT pg_terminate_backend(?)");
		connection.setAutoCommit(false);
		try (Statement statement = connection.createStatement()) {
			serialize(connection);
			for (String sql : statements) {
				statement.execute(sql);
			}
			connection.commit();
		}
		catch (SQLException ex) {
			connection.rollback();
			throw ex;
		}
	}

	@Override
	protected String existsQuery() {
		return "SELECT 1 FROM pg_roles WHERE rolname = ?";
	}

	@Override
	protected Properties driverProperties() {
		Properties properties = new Properties();
		properties.setProperty("connectTimeout", "5");
		properties.setProperty("loginTimeout", "10");
		properties.setProperty("ApplicationName", "scaivault-dev-server");
		return properties;
	}

}
