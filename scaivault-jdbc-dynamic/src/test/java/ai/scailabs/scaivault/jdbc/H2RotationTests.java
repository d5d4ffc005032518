package ai.scailabs.scaivault.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.jspecify.annotations.Nullable;

import ai.scailabs.scaivault.client.ScaiVaultClient;
import ai.scailabs.scaivault.devserver.ScaiVaultDevServer;

/**
 * {@link RotationTests} on the dev server's in-memory H2 engine, over its TCP server. The engine's
 * admin password stays inside the dev server, so accounts are looked up in
 * {@code INFORMATION_SCHEMA.USERS} through a session of the pool itself.
 */
class H2RotationTests extends RotationTests {

	H2RotationTests() {
		super("h2-app");
	}

	@Override
	protected void configureEngine(ScaiVaultDevServer server, ScaiVaultClient client, String engine) {
		server.seed("{\"engines\": [{\"name\": \"" + engine + "\", \"type\": \"h2\"}]}");
	}

	@Override
	protected String currentUserQuery() {
		return TestDatabases.H2_CURRENT_USER;
	}

	@Override
	protected boolean accountExists(@Nullable LeasedDataSource dataSource, String account) throws SQLException {
		if (dataSource == null || dataSource.isClosed()) {
			// the closed pool's engine database: its users are dropped with their leases (checked by the base)
			return false;
		}
		try (Connection connection = dataSource.getConnection();
				PreparedStatement statement = connection
					.prepareStatement("SELECT COUNT(*) FROM INFORMATION_SCHEMA.USERS WHERE USER_NAME IN (?, CURRENT_USER)")) {
			statement.setString(1, account);
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				// the session's own user is always there: a count of 2 means the other account is too
				return result.getInt(1) > 1;
			}
		}
	}

}
