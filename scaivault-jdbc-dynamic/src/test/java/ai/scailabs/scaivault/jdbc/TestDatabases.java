package ai.scailabs.scaivault.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;

import ai.scailabs.scaivault.client.dynamic.EngineConfiguration;
import ai.scailabs.scaivault.client.dynamic.EngineType;

import static org.assertj.core.api.Assertions.fail;

/**
 * Every database setting of this module's tests, in one place: the admin account of each real
 * database the dev server's engines create accounts with, and how to look an account up. Point the
 * tests at other databases by changing this class alone.
 */
public enum TestDatabases {

	/** PostgreSQL on this machine. */
	POSTGRESQL(EngineType.POSTGRESQL, "jdbc:postgresql://127.0.0.1:5432/test", "postgres", "",
			"SELECT 1 FROM pg_roles WHERE rolname = ?", "SELECT current_user"),

	/** MariaDB on this machine. */
	MARIADB(EngineType.MYSQL, "jdbc:mariadb://127.0.0.1:3306/test", "root", "",
			"SELECT 1 FROM mysql.user WHERE User = ?", "SELECT SUBSTRING_INDEX(CURRENT_USER(), '@', 1)");

	private final EngineType type;

	private final String url;

	private final String username;

	private final String password;

	private final String accountQuery;

	private final String currentUserQuery;

	TestDatabases(EngineType type, String url, String username, String password, String accountQuery,
			String currentUserQuery) {
		this.type = type;
		this.url = url;
		this.username = username;
		this.password = password;
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
		return new EngineConfiguration(name, this.type, this.url, this.username, this.password, true);
	}

	/** @return the JDBC URL */
	public String url() {
		return this.url;
	}

	/** @return the query that answers the user a session logged in as */
	public String currentUserQuery() {
		return this.currentUserQuery;
	}

	/** @return an admin connection, or a failure that says what to start */
	public Connection admin() {
		Properties properties = new Properties();
		properties.setProperty("user", this.username);
		properties.setProperty("password", this.password);
		try {
			return DriverManager.getConnection(this.url, properties);
		}
		catch (SQLException ex) {
			return fail(name() + " is not reachable at " + this.url + " (" + ex.getMessage()
					+ "): start it (see the dev server's dynamic tests, TestDatabases)");
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
