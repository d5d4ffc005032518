package ai.scailabs.scaivault.test.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * A real database server for tests, reached as an administrator who may create and drop accounts.
 * Accounts other than the administrator log in with their passwords.
 *
 * @param product {@code PostgreSQL} or {@code MariaDB}
 * @param url the JDBC URL of the database {@code test} (no credentials in it)
 * @param username the administrator ({@code postgres} or {@code root} unless overridden)
 * @param password the administrator's password (empty unless overridden)
 * @param source where the server comes from, as logged: an override, the machine's own server, or
 * an embedded one
 */
public record TestDatabase(String product, String url, String username, String password, String source) {

	/**
	 * @return a new administrator connection
	 * @throws SQLException when the server refuses it
	 */
	public Connection open() throws SQLException {
		return open(this.username, this.password);
	}

	/**
	 * @param username an account of this server
	 * @param password its password
	 * @return a new connection as that account
	 * @throws SQLException when the login fails
	 */
	public Connection open(String username, String password) throws SQLException {
		return connect(this.url, username, password);
	}

	static Connection connect(String url, String username, String password) throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", username);
		properties.setProperty("password", password);
		return DriverManager.getConnection(url, properties);
	}

	@Override
	public String toString() {
		return this.product + " " + this.url + " as " + this.username + " (" + this.source + ")";
	}

}
