package ai.scailabs.scaivault.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import ai.scailabs.scaivault.client.ScaiVaultClient;
import ai.scailabs.scaivault.client.dynamic.DynamicRoleRequest;
import ai.scailabs.scaivault.devserver.ScaiVaultDevServer;
import ai.scailabs.scaivault.devserver.junit.ScaiVaultDevServerTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plain-Java example of the README, as written there, on the dev server's H2 engine.
 */
@ScaiVaultDevServerTest
class ReadmeExampleTests {

	@Test
	void readmeExampleWhenRunThenQueriesAsLeasedUserAndRevokesOnClose(ScaiVaultDevServer server) throws Exception {
		server.seed("{\"engines\": [{\"name\": \"support-db\", \"type\": \"h2\"}]}");
		try (ScaiVaultClient client = ScaiVaultClient.builder()
			.baseUrl(server.baseUrl())
			.token(server.rootToken())
			.environment((name) -> null)
			.build()) {
			client.dynamic().createRole("support-db", DynamicRoleRequest.withDefaultStatements("readonly", null, null));

			LeasedDataSource dataSource = LeasedDataSource.builder(client)
				.engine("support-db").role("readonly").ttl(Duration.ofHours(1))
				.build();
			dataSource.setMaximumPoolSize(10);
			String user;
			try (Connection connection = dataSource.getConnection();
					Statement statement = connection.createStatement();
					ResultSet result = statement.executeQuery("SELECT CURRENT_USER")) {
				result.next();
				user = result.getString(1);
			}
			String lease = dataSource.getLeaseManager().status().leaseId();
			dataSource.close();

			assertThat(user).isEqualTo(dataSource.getLeaseManager().status().username());
			assertThat(client.dynamic().listLeases("support-db").data()).noneMatch((summary) -> summary.leaseId().equals(lease));
		}
	}

}
