package ai.scailabs.scaivault.client.dynamic;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ai.scailabs.scaivault.client.DevServerClients;
import ai.scailabs.scaivault.client.ScaiVaultClient;
import ai.scailabs.scaivault.devserver.ScaiVaultDevServer;
import ai.scailabs.scaivault.devserver.junit.ScaiVaultDevServerTest;
import ai.scailabs.scaivault.test.db.TestDatabase;
import ai.scailabs.scaivault.test.db.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Dynamic credentials against the embedded dev server and a real PostgreSQL database (the
 * machine's own or an embedded one, see {@link TestDatabases}): the account exists while leased and
 * is gone once the try-with-resources block has closed the lease.
 */
@ScaiVaultDevServerTest
class DynamicOperationsEndToEndTests {

	private final TestDatabase database = TestDatabases.postgres();

	private ScaiVaultDevServer server;

	private ScaiVaultClient client;

	@BeforeEach
	void setUp() {
		this.client = DevServerClients.rootClient(this.server);
		DynamicEngine engine = this.client.dynamic()
			.configureEngine(new EngineConfiguration("support-db", EngineType.POSTGRESQL, this.database.url(),
					this.database.username(), this.database.password(), true));
		assertThat(engine.type()).isEqualTo(EngineType.POSTGRESQL);
		DynamicRole role = this.client.dynamic()
			.createRole("support-db",
					DynamicRoleRequest.withDefaultStatements("readonly", Duration.ofHours(1), Duration.ofHours(24)));
		assertThat(role.maxTtl()).isEqualTo(Duration.ofHours(24));
	}

	@AfterEach
	void tearDown() {
		this.client.close();
	}

	@Test
	void leasedCredentialsLogInUntilClosed() throws Exception {
		String username;
		try (LeasedCredentials credentials = this.client.dynamic()
			.credentials("support-db", "readonly", Duration.ofHours(2))) {
			username = credentials.username();
			assertThat(credentials.connectionUrl()).startsWith("jdbc:postgresql://");
			assertThat(credentials.lease().leaseDuration()).isEqualTo(Duration.ofHours(2));
			try (Connection connection = DriverManager.getConnection(credentials.connectionUrl(),
					credentials.username(), credentials.password());
					Statement statement = connection.createStatement();
					ResultSet result = statement.executeQuery("select current_user")) {
				assertThat(result.next()).isTrue();
				assertThat(result.getString(1)).isEqualTo(username);
			}
			assertThat(this.client.dynamic().listLeases("support-db").data()).extracting(LeaseSummary::leaseId)
				.containsExactly(credentials.lease().leaseId());
			LeaseRenewal renewal = this.client.dynamic().renewLease(credentials.lease().leaseId(), Duration.ofHours(3));
			assertThat(renewal.expiresAt()).isAfter(credentials.lease().expiresAt());
		}
		assertThat(this.client.dynamic().listLeases("support-db").data()).isEmpty();
		assertThat(roleExists(username)).isFalse();
	}

	@Test
	void revokedLeaseCredentialsNoLongerLogIn() {
		Lease lease = this.client.dynamic().generateCredentials("support-db", "readonly", null);
		assertThat(lease.toString()).doesNotContain(lease.password());
		this.client.dynamic().revokeLease(lease.leaseId());
		assertThatExceptionOfType(SQLException.class)
			.isThrownBy(() -> DriverManager.getConnection(lease.connectionUrl(), lease.username(), lease.password())
				.close());
	}

	private boolean roleExists(String username) throws SQLException {
		try (Connection connection = this.database.open();
				Statement statement = connection.createStatement();
				ResultSet result = statement
					.executeQuery("select count(*) from pg_roles where rolname = '" + username.replace("'", "") + "'")) {
			result.next();
			return result.getInt(1) > 0;
		}
	}

}
