package ai.scailabs.scaivault.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import ai.scailabs.scaivault.client.ScaiVaultClient;
import ai.scailabs.scaivault.client.dynamic.DynamicRoleRequest;
import ai.scailabs.scaivault.client.dynamic.LeasedCredentials;
import ai.scailabs.scaivault.devserver.ScaiVaultDevServer;

/**
 * {@link RotationTests} on the dev server's in-memory H2 engine, over its TCP server. The engine's
 * admin password stays inside the dev server, and H2 shows other users only to admins, so accounts
 * are looked up through a short lease of an admin role ({@code observer}) of the same engine.
 */
class H2RotationTests extends RotationTests {

	H2RotationTests() {
		super("h2-app");
	}

	@Override
	protected void configureEngine(ScaiVaultDevServer server, ScaiVaultClient client, String engine) {
		server.seed("{\"engines\": [{\"name\": \"" + engine + "\", \"type\": \"h2\"}]}");
		client.dynamic()
			.createRole(engine, new DynamicRoleRequest("observer",
					List.of("CREATE USER \"{{name}}\" PASSWORD '{{password}}' ADMIN"),
					List.of("DROP USER IF EXISTS \"{{name}}\""), null, null));
	}

	@Override
	protected String currentUserQuery() {
		return TestDatabases.H2_CURRENT_USER;
	}

	@Override
	protected boolean accountExists(String account) throws SQLException {
		try (LeasedCredentials observer = this.client.dynamic().credentials("h2-app", "observer", null);
				Connection connection = DriverManager.getConnection(observer.connectionUrl(), observer.username(),
						observer.password());
				PreparedStatement statement = connection
					.prepareStatement("SELECT 1 FROM INFORMATION_SCHEMA.USERS WHERE USER_NAME = ?")) {
			statement.setString(1, account);
			try (ResultSet result = statement.executeQuery()) {
				return result.next();
			}
		}
	}

}
