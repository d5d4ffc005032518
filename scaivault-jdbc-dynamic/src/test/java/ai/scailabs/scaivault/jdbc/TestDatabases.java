package ai.scailabs.scaivault.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Supplier;

import ai.scailabs.scaivault.client.dynamic.EngineConfiguration;
import ai.scailabs.scaivault.client.dynamic.EngineType;
import ai.scailabs.scaivault.test.db.TestDatabase;

import static org.assertj.core.api.Assertions.fail;

/**
 * Every database setting of this module's tests, in one place: the admin account of each real
 * database the dev server's engines create accounts with, and how to look an account up. The servers
 * come from {@code scaivault-test-support}: the machine's own when it checks passwords, an override,
 * or an embedded one started from Maven artifacts.
 */
public enum TestDatabases {

	/** PostgreSQL with password authentication. */
	POSTGRESQL(EngineType.POSTGRESQL, ai.scailabs.scaivault.test.db.TestDatabases::postgres,
			"SELECT 1 FROM pg_roles WHERE rolname = ?", "SELECT current_user"),

	/** MariaDB with password authentication. */
	MARIADB(EngineType.MYSQL, ai.scailabs.scaivault.test.db.TestDatabases::mariadb,
			"SELECT 1 FROM mysql.user WHERE User = ?", "SELECT SUBSTRING_INDEX(CURRENT_USER(), '@', 1)");

	private final EngineType type;

	private final Supplier<TestDatabase> database;

	private final String accountQuery;

	private final String currentUserQuery;

	TestDatabases(EngineType type, Supplier<TestDatabase> database, String accountQuery, String currentUserQuery) {
		this.type = type;
		this.database = database;
		this.accountQuery = accountQuery;
		this.currentUserQuery = currentUserQuery;
	}

	/** The query that answers the user a session logged in as, on H2. */
	public static final String H2_CURRENT_USER = "SELECT CURRENT_USER";

	/**
	 * @param name the engine name
	 * @return the dev server engine configuration for this database
	 */
	public EngineConfiguration engine(String name) {
		TestDatabase database = this.database.get();
		return new EngineConfiguration(name, this.type, database.url(), database.username(), database.password(),
				true);
	}

	/** @return the JDBC URL */
	public String url() {
		return this.database.get().url();
	}

	/** @return the query that answers the user a session logged in as */
	public String currentUserQuery() {
		return this.currentUserQuery;
	}

	/** @return an admin connection, or a failure that says what to start */
	public Connection admin() {
		TestDatabase database = this.database.get();
		try {
			return database.open();
		}
		catch (SQLException ex) {
			return fail(name() + " is not reachable at " + database.url() + " (" + ex.getMessage() + ")");
		}
	}

	/**
	 * @param account a database user name
	 * @return whether the account exists
	 */
	public boolean accountExists(String account) {
		try (Connection connection = admin(); PreparedStatement statement = connection.prepareStatement(this.accountQuery)) {
			statement.setString(1, account);
			try (ResultSet result = statement.executeQuery()) {
				return result.next();
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not look up account " + account + ": " + ex.getMessage(), ex);
		}
	}

}
