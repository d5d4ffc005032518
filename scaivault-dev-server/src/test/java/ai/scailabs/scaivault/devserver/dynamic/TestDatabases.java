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

import static org.assertj.core.api.Assertions.fail;

/**
 * The machine's real databases the dynamic-secrets tests run against. When one is down, the test
 * fails with a message that says what to start ({@code .ci/run} starts both and configures
 * PostgreSQL).
 *
 * <p>On a machine without them, containers are the fallback (not automated here):
 * <pre class="code">
 * docker run -d --name pg -p 5432:5432 -e POSTGRES_HOST_AUTH_METHOD=trust -e POSTGRES_DB=test postgres:15
 * docker exec pg sh -c "sed -i '1i host all +scaivault_dynamic all scram-sha-256' \$PGDATA/pg_hba.conf"
 * docker exec pg psql -U postgres -c 'CREATE ROLE scaivault_dynamic NOLOGIN' -c 'SELECT pg_reload_conf()'
 * docker run -d --name maria -p 3306:3306 -e MARIADB_ALLOW_EMPTY_ROOT_PASSWORD=1 -e MARIADB_DATABASE=test mariadb:10.11
 * </pre>
 */
final class TestDatabases {

	static final String POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test";

	static final String MARIADB_URL = "jdbc:mariadb://127.0.0.1:3306/test";

	private TestDatabases() {
	}

	/** @return an admin connection to PostgreSQL ({@code postgres}, trust) */
	static Connection postgres() {
		try {
			return open(POSTGRES_URL, "postgres", "");
		}
		catch (SQLException ex) {
			return fail("PostgreSQL is not reachable at 127.0.0.1:5432 (" + ex.getMessage() + "): start it with "
					+ "`pg_ctlcluster 15 main start` (see /etc/postgresql) or run .ci/run, which also configures "
					+ "pg_hba.conf for the generated roles");
		}
	}

	/**
	 * Fail unless PostgreSQL checks passwords and {@code VALID UNTIL} for members of
	 * {@code scaivault_dynamic}: under trust authentication, a login after expiry would prove nothing.
	 */
	static void requirePostgresPasswordAuthentication() {
		String query = "SELECT 1 FROM pg_hba_file_rules WHERE '+scaivault_dynamic' = ANY(user_name) "
				+ "AND auth_method = 'scram-sha-256' AND line_number < (SELECT min(line_number) FROM pg_hba_file_rules "
				+ "WHERE 'all' = ANY(user_name) AND type = 'host')";
		try (Connection connection = postgres();
				PreparedStatement statement = connection.prepareStatement(query);
				ResultSet found = statement.executeQuery()) {
			if (!found.next()) {
				fail("pg_hba.conf has no `host all +scaivault_dynamic 127.0.0.1/32 scram-sha-256` line before "
						+ "the trust lines, so PostgreSQL ignores passwords and VALID UNTIL of generated roles: "
						+ "run .ci/run (it adds the line and reloads PostgreSQL)");
			}
		}
		catch (SQLException ex) {
			fail("Could not read pg_hba_file_rules: " + ex.getMessage());
		}
	}

	/** @return an admin connection to MariaDB ({@code root}, no password) */
	static Connection mariadb() {
		try {
			return open(MARIADB_URL, "root", "");
		}
		catch (SQLException ex) {
			return fail("MariaDB is not reachable at 127.0.0.1:3306 (" + ex.getMessage() + "): start it with "
					+ "`start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd` or run .ci/run");
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
