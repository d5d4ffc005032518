package ai.scailabs.scaivault.devserver.dynamic;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

/**
 * MySQL and MariaDB accounts. They have no expiry of their own that ends a login at a moment, so
 * the lease reaper drops them at expiry. Revocation runs the revocation statements, which forbid
 * new logins, then kills the connections the account still has.
 */
final class MySqlAccounts extends DatabaseAccounts {

	MySqlAccounts(Engine engine) {
		super(engine);
	}

	@Override
	protected void revoke(Connection connection, String username, List<String> statements) throws SQLException {
		String sessions = "SELECT ID FROM information_schema.PROCESSLIST WHERE USER = ? AND ID <> CONNECTION_ID()";
		try (Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
		finally {
			endSessions(connection, sessions, username, "KILL CONNECTION ?");
		}
	}

	@Override
	protected String existsQuery() {
		return "SELECT 1 FROM mysql.user WHERE User = ?";
	}

	@Override
	protected Properties driverProperties() {
		Properties properties = new Properties();
		properties.setProperty("connectTimeout", "5000");
		return properties;
	}

}
