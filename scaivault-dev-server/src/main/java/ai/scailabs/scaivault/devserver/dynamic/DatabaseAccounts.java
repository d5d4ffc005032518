package ai.scailabs.scaivault.devserver.dynamic;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Creates, extends and drops the accounts of one engine on its real database, with a fresh admin
 * connection per operation. Subclasses know how each kind of database checks, ends the sessions
 * of and expires an account.
 */
abstract class DatabaseAccounts {

	private static final System.Logger logger = System.getLogger(DatabaseAccounts.class.getName());

	/** How {@code {{expiration}}} is written: {@code 2026-11-22 14:00:00+00}. */
	static final DateTimeFormatter EXPIRATION = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'+00'", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	/** The artifact of each database's JDBC driver, for the message when it is missing. */
	private static final Map<DatabaseType, String> DRIVERS = Map.of(DatabaseType.POSTGRESQL,
			"org.postgresql:postgresql", DatabaseType.MYSQL, "org.mariadb.jdbc:mariadb-java-client", DatabaseType.H2,
			"com.h2database:h2");

	protected final Engine engine;

	protected DatabaseAccounts(Engine engine) {
		this.engine = engine;
	}

	/**
	 * @param engine an engine
	 * @return the account manager for its kind of database
	 */
	static DatabaseAccounts of(Engine engine) {
		return switch (engine.type()) {
			case POSTGRESQL -> new PostgresAccounts(engine);
			case MYSQL -> new MySqlAccounts(engine);
			case H2 -> new H2Accounts(engine);
		};
	}

	/**
	 * Connect as the admin user and run a trivial query.
	 * @throws AccountException what failed
	 */
	void verify() {
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			statement.execute("SELECT 1");
		}
		catch (SQLException ex) {
			throw failure("could not connect to " + this.engine.connectionUrl() + " as " + this.engine.username(), ex);
		}
	}

	/**
	 * Normalize a generated account name for this database (H2 upper-cases user names).
	 * @param name a lower-case name
	 * @return the name to create
	 */
	String accountName(String name) {
		return name;
	}

	/**
	 * Create an account with the role's creation statements. When one fails, what the statements
	 * already did is rolled back or revoked.
	 * @param role the role
	 * @param username the account name
	 * @param password its password (scrubbed from every error message)
	 * @param expiration when the account expires
	 * @throws AccountException what failed
	 */
	void create(Role role, String username, String password, Instant expiration) {
		Map<String, String> values = placeholders(username, password, expiration);
		try (Connection connection = connect()) {
			try {
				prepare(connection, role);
			}
			catch (SQLException ex) {
				throw failure("could not get the database ready for role '" + role.name() + "'", ex, password);
			}
			connection.setAutoCommit(false);
			int index = 0;
			String current = "";
			try (Statement statement = connection.createStatement()) {
				serialize(connection);
				for (String sql : role.creationStatements()) {
					index++;
					current = sql;
					statement.execute(Statements.render(sql, values));
				}
				connection.commit();
			}
			catch (SQLException ex) {
				rollbackQuietly(connection);
				revokeQuietly(role, username);
				String what = "creation statement " + index + " of role '" + role.name() + "' failed";
				if (Statements.uses(List.of(current), "password")) {
					throw withheld(what, current, ex);
				}
				throw failure(what, ex, password);
			}
		}
		catch (SQLException ex) {
			throw failure("could not connect to " + this.engine.connectionUrl() + " as " + this.engine.username(), ex,
					password);
		}
	}

	/**
	 * Move the account's own expiry, for databases that have one. Does nothing by default.
	 * @param username the account
	 * @param expiration the new expiry
	 * @throws AccountException what failed
	 */
	void extend(String username, Instant expiration) {
	}

	/**
	 * End the account's sessions and drop it with the role's revocation statements. An account that
	 * is already gone is fine.
	 * @param role the role
	 * @param username the account
	 * @throws AccountException what failed
	 */
	void revoke(Role role, String username) {
		Map<String, String> values = placeholders(username, "", Instant.EPOCH);
		List<String> rendered = new ArrayList<>();
		for (String sql : role.revocationStatements()) {
			rendered.add(Statements.render(sql, values));
		}
		try (Connection connection = connect()) {
			revoke(connection, username, rendered);
		}
		catch (SQLException ex) {
			throw failure("could not drop account " + username, ex);
		}
	}

	/**
	 * Drop the account on an admin connection: end its sessions and run the rendered statements.
	 * @param connection an admin connection in auto-commit mode
	 * @param username the account
	 * @param statements the rendered revocation statements
	 * @throws SQLException when a statement fails
	 */
	protected abstract void revoke(Connection connection, String username, List<String> statements)
			throws SQLException;

	/**
	 * @param username an account name
	 * @return whether the account exists in the database
	 * @throws AccountException when the database cannot be asked
	 */
	boolean exists(String username) {
		try (Connection connection = connect();
				PreparedStatement statement = connection.prepareStatement(existsQuery())) {
			statement.setString(1, username);
			try (ResultSet result = statement.executeQuery()) {
				return result.next();
			}
		}
		catch (SQLException ex) {
			throw failure("could not look up account " + username, ex);
		}
	}

	/** @return a query with one parameter, the account name, that returns a row when it exists */
	protected abstract String existsQuery();

	/**
	 * Get the database ready for the role's statements, before they run. Does nothing by default.
	 * @param connection an admin connection in auto-commit mode
	 * @param role the role
	 * @throws SQLException on failure
	 */
	protected void prepare(Connection connection, Role role) throws SQLException {
	}

	/**
	 * Serialize account changes with those of other transactions (and other dev servers) on the
	 * same database, where concurrent grants on one object fail. Called at the start of the
	 * transaction of the creation statements. Does nothing by default.
	 * @param connection an admin connection in a transaction
	 * @throws SQLException on failure
	 */
	protected void serialize(Connection connection) throws SQLException {
	}

	/** @return driver properties besides the user and password, such as connect timeouts */
	protected abstract Properties driverProperties();

	/**
	 * @return a new admin connection
	 * @throws SQLException when the database cannot be reached or refuses the admin
	 */
	protected Connection connect() throws SQLException {
		Properties properties = driverProperties();
		properties.setProperty("user", this.engine.username());
		properties.setProperty("password", this.engine.password());
		String url = JdbcUrls.forDriver(this.engine.connectionUrl());
		try {
			DriverManager.getDriver(url);
		}
		catch (SQLException ex) {
			// the dev server declares the PostgreSQL and MariaDB drivers optional
			throw new SQLException("no JDBC driver for " + this.engine.type().id() + " on the class path: add "
					+ DRIVERS.get(this.engine.type()) + " to the dependencies", "0A000", ex);
		}
		return DriverManager.getConnection(url, properties);
	}

	/**
	 * Run a statement per id, ignoring failures (the session may end by itself meanwhile).
	 * @param connection an admin connection
	 * @param query a query with one parameter, the account name, returning session ids
	 * @param username the account
	 * @param kill the statement that ends one session, with {@code ?} for its id
	 * @return how many sessions were ended
	 * @throws SQLException when the sessions cannot be listed
	 */
	protected int endSessions(Connection connection, String query, String username, String kill)
			throws SQLException {
		List<Long> ids = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement(query)) {
			statement.setString(1, username);
			try (ResultSet result = statement.executeQuery()) {
				while (result.next()) {
					ids.add(result.getLong(1));
				}
			}
		}
		int ended = 0;
		for (long id : ids) {
			try (Statement statement = connection.createStatement()) {
				statement.execute(kill.replace("?", Long.toString(id)));
				ended++;
			}
			catch (SQLException ex) {
				logger.log(System.Logger.Level.DEBUG, () -> "Session " + id + " of " + username + " already ended");
			}
		}
		return ended;
	}

	protected static String quoteIdentifier(String name) {
		return "\"" + name.replace("\"", "\"\"") + "\"";
	}

	private Map<String, String> placeholders(String username, String password, Instant expiration) {
		return Map.of("name", username, "password", password, "expiration", EXPIRATION.format(expiration),
				"database", JdbcUrls.database(this.engine.connectionUrl()));
	}

	private void revokeQuietly(Role role, String username) {
		try {
			revoke(role, username);
		}
		catch (AccountException ex) {
			logger.log(System.Logger.Level.WARNING,
					"Could not clean up account " + username + " after a failed creation: " + ex.getMessage());
		}
	}

	private static void rollbackQuietly(Connection connection) {
		try {
			connection.rollback();
		}
		catch (SQLException ex) {
			// the connection is closed next anyway
		}
	}

	/**
	 * @param what what failed
	 * @param ex the driver's exception
	 * @param secrets values to scrub from the driver's message
	 * @return an exception without the driver's exception as cause and without secrets
	 */
	protected AccountException failure(String what, SQLException ex, String... secrets) {
		String message = String.valueOf(ex.getMessage());
		for (String secret : secrets) {
			message = Redaction.redact(message, secret);
		}
		message = Redaction.redact(message, this.engine.password());
		String state = ex.getSQLState();
		return new AccountException("Engine '" + this.engine.name() + "' " + what + ": " + message
				+ ((state != null) ? " (SQLState " + state + ")" : ""), unreachable(ex));
	}

	/**
	 * A failure of a statement that held the password: drivers quote the statement around the error
	 * (MariaDB quotes up to 80 characters from where parsing stopped, which can cut the password),
	 * so the driver's message is left out altogether.
	 * @param what what failed
	 * @param statement the statement with its placeholders, not rendered
	 * @param ex the driver's exception
	 * @return an exception with the SQLState, vendor code and statement shape only
	 */
	private AccountException withheld(String what, String statement, SQLException ex) {
		String state = ex.getSQLState();
		return new AccountException("Engine '" + this.engine.name() + "' " + what + ": the database refused "
				+ Statements.render(statement, Map.of("password", Redaction.REDACTED, "name", "{{name}}", "expiration",
						"{{expiration}}", "database", "{{database}}"))
				+ ((state != null) ? " (SQLState " + state + ", vendor code " + ex.getErrorCode() + ")"
						: " (vendor code " + ex.getErrorCode() + ")")
				+ "; its message is left out because the statement holds the password", unreachable(ex));
	}

	private static boolean unreachable(SQLException ex) {
		String state = ex.getSQLState();
		return state != null && state.startsWith("08");
	}

}
