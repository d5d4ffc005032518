package ai.scailabs.scaivault.test.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import org.jspecify.annotations.Nullable;

/**
 * Whether the machine's own servers can serve the tests: they answer quickly, let the administrator
 * in, and make generated accounts log in with their passwords.
 */
final class LocalServers {

	private LocalServers() {
	}

	/**
	 * Under {@code trust} authentication, PostgreSQL ignores passwords and {@code VALID UNTIL}, so a
	 * login after expiry would prove nothing. The generated roles join {@code scaivault_dynamic}; a
	 * password line for that group before the first {@code host all} line makes them count.
	 * @param url the local server's JDBC URL
	 * @param admin the administrator
	 * @return why the server cannot be used, or {@code null} when it can
	 */
	static @Nullable String postgresUnusable(String url, String admin) {
		String rules = "SELECT 1 FROM pg_hba_file_rules WHERE '+scaivault_dynamic' = ANY(user_name) "
				+ "AND auth_method IN ('scram-sha-256', 'md5', 'password') AND line_number < (SELECT min(line_number) "
				+ "FROM pg_hba_file_rules WHERE 'all' = ANY(user_name) AND type = 'host')";
		Properties properties = credentials(admin);
		properties.setProperty("connectTimeout", "3");
		properties.setProperty("socketTimeout", "15");
		try (Connection connection = java.sql.DriverManager.getConnection(url, properties);
				PreparedStatement statement = connection.prepareStatement(rules);
				ResultSet found = statement.executeQuery()) {
			if (found.next()) {
				return null;
			}
			return "the PostgreSQL on 127.0.0.1:5432 lets generated roles in without their passwords (its "
					+ "pg_hba.conf has no password line for +scaivault_dynamic before the trust lines)";
		}
		catch (SQLException ex) {
			return "no PostgreSQL on 127.0.0.1:5432 lets " + admin + " into database test without a password ("
					+ ex.getMessage() + ")";
		}
	}

	/**
	 * @param url the local server's JDBC URL
	 * @param admin the administrator
	 * @return why the server cannot be used, or {@code null} when it can
	 */
	static @Nullable String mariadbUnusable(String url, String admin) {
		Properties properties = credentials(admin);
		properties.setProperty("connectTimeout", "3000");
		properties.setProperty("socketTimeout", "15000");
		try (Connection connection = java.sql.DriverManager.getConnection(url, properties);
				Statement statement = connection.createStatement()) {
			statement.execute("SELECT 1");
			return null;
		}
		catch (SQLException ex) {
			return "no MariaDB on 127.0.0.1:3306 lets " + admin + " into database test without a password ("
					+ ex.getMessage() + ")";
		}
	}

	private static Properties credentials(String admin) {
		Properties properties = new Properties();
		properties.setProperty("user", admin);
		properties.setProperty("password", "");
		return properties;
	}

}
