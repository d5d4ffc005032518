package ai.scailabs.scaivault.devserver.dynamic;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * H2 users. H2 upper-cases user names when a client logs in, so generated names are upper case.
 * Users have no expiry of their own: the lease reaper drops them at expiry. Revocation aborts the
 * user's sessions, then runs the revocation statements.
 */
final class H2Accounts extends DatabaseAccounts {

	H2Accounts(Engine engine) {
		super(engine);
	}

	@Override
	String accountName(String name) {
		return name.toUpperCase(Locale.ROOT);
	}

	@Override
	protected void revoke(Connection connection, String username, List<String> statements) throws SQLException {
		String sessions = "SELECT SESSION_ID FROM INFORMATION_SCHEMA.SESSIONS WHERE USER_NAME = ?";
		endSessions(connection, sessions, username, "CALL ABORT_SESSION(?)");
		try (Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
		finally {
			// A session that logged in between the first sweep and the drop would outlive its account
			// (every statement on it failing): H2 has no way to refuse new logins first, so sweep again.
			endSessions(connection, sessions, username, "CALL ABORT_SESSION(?)");
		}
	}

	@Override
	protected String existsQuery() {
		return "SELECT 1 FROM INFORMATION_SCHEMA.USERS WHERE USER_NAME = ?";
	}

	@Override
	protected Properties driverProperties() {
		return new Properties();
	}

}
