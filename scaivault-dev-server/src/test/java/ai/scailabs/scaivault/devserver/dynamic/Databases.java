package ai.scailabs.scaivault.devserver.dynamic;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Properties;

import org.jspecify.annotations.Nullable;

import ai.scailabs.scaivault.test.db.TestDatabase;
import ai.scailabs.scaivault.test.db.TestDatabases;

import static org.assertj.core.api.Assertions.fail;

/**
 * The real databases the dynamic-secrets tests run against, from {@link TestDatabases}: the
 * machine's own servers when they check passwords, else embedded ones (the log says which), and
 * the checks the tests make on them.
 */
final class Databases {

	private Databases() {
	}

	/** @return the JDBC URL of PostgreSQL's database {@code test} */
	static String postgresUrl() {
		return TestDatabases.postgres().url();
	}

	/** @return the JDBC URL of MariaDB's database {@code test} */
	static String mariadbUrl() {
		return TestDatabases.mariadb().url();
	}

	/** @return PostgreSQL's administrator, for an engine's configuration */
	static TestDatabase postgresAdmin() {
		return TestDatabases.postgres();
	}

	/** @return MariaDB's administrator, for an engine's configuration */
	static TestDatabase mariadbAdmin() {
		return TestDatabases.mariadb();
	}

	/** @return an admin connection to PostgreSQL */
	static Connection postgres() {
		return admin(TestDatabases.postgres());
	}

	/** @return an admin connection to MariaDB */
	static Connection mariadb() {
		return admin(TestDatabases.mariadb());
	}

	private static Connection admin(TestDatabase database) {
		try {
			return database.open();
		}
		catch (SQLException ex) {
			return fail("No admin connection to " + database + ": " + ex.getMessage());
		}
	}

	/**
	 * @param url a JDBC URL
	 * @param username a user
	 * @param password a password
	 * @return a connection
	 * @throws SQLException when the login fails
	 */
	static Connection open(String url, String username, String password) throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", username);
		properties.setProperty("password", password);
		return DriverManager.getConnection(url, properties);
	}

	/**
	 * @param url a JDBC URL
	 * @param username a user
	 * @param password a password
	 * @return the error message of a login that failed, or {@code null} when the login worked
	 */
	static @Nullable String loginFailure(String url, String username, String password) {
		try (Connection connection = open(url, username, password)) {
			connection.createStatement().execute("SELECT 1");
			return null;
		}
		catch (SQLException ex) {
			return String.valueOf(ex.getMessage());
		}
	}

	/**
	 * @param connection an admin connection to PostgreSQL
	 * @param role a role name
	 * @return whether it exists
	 */
	static boolean postgresRoleExists(Connection connection, String role) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
			statement.setString(1, role);
			try (ResultSet result = statement.executeQuery()) {
				return result.next();
			}
		}
	}

	/**
	 * @param connection an admin connection to PostgreSQL
	 * @param role a role name
	 * @return its {@code VALID UNTIL}
	 */
	static @Nullable Instant postgresValidUntil(Connection connection, String role) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT rolvaliduntil FROM pg_roles WHERE rolname = ?")) {
			statement.setString(1, role);
			try (ResultSet result = statement.executeQuery()) {
				if (!result.next()) {
					return null;
				}
				Timestamp timestamp = result.getTimestamp(1);
				return (timestamp != null) ? timestamp.toInstant() : null;
			}
		}
	}

	/**
	 * @param connection an admin connection to MariaDB
	 * @param user a user name
	 * @return whether a {@code mysql.user} row exists for it, at any host
	 */
	static boolean mariadbUserExists(Connection connection, String user) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM mysql.user WHERE User = ?")) {
			statement.setString(1, user);
			try (ResultSet result = statement.executeQuery()) {
				return result.next();
			}
		}
	}

}
