package ai.scailabs.scaivault.test.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The embedded servers, started directly (whatever this machine has), check passwords for every
 * account but the administrator, as the tests of generated accounts need.
 */
class EmbeddedServersTests {

	@Test
	void embeddedPostgresChecksPasswordsOfOtherRoles() throws SQLException {
		TestDatabase postgres = EmbeddedPostgresServer.start("this test starts it");
		assertThat(postgres.url()).startsWith("jdbc:postgresql://127.0.0.1:").endsWith("/test");
		try (Connection admin = postgres.open(); Statement statement = admin.createStatement()) {
			statement.execute("CREATE ROLE probe LOGIN PASSWORD 'right-one'");
		}
		assertThatExceptionOfType(SQLException.class).isThrownBy(() -> postgres.open("probe", "wrong-one").close())
			.withMessageContaining("password authentication failed");
		assertThat(currentUser(postgres.open("probe", "right-one"), "SELECT current_user")).isEqualTo("probe");
	}

	@Test
	void embeddedMariaDbChecksPasswordsAndHasNoAnonymousAccounts() throws SQLException {
		TestDatabase mariadb = EmbeddedMariaDbServer.start("this test starts it");
		assertThat(mariadb.url()).startsWith("jdbc:mariadb://127.0.0.1:").endsWith("/test");
		try (Connection admin = mariadb.open(); Statement statement = admin.createStatement()) {
			statement.execute("CREATE USER 'probe'@'%' IDENTIFIED BY 'right-one'");
			try (ResultSet anonymous = statement.executeQuery("SELECT COUNT(*) FROM mysql.user WHERE User = ''")) {
				anonymous.next();
				assertThat(anonymous.getInt(1)).isZero();
			}
		}
		assertThatExceptionOfType(SQLException.class).isThrownBy(() -> mariadb.open("probe", "wrong-one").close())
			.withMessageContaining("Access denied");
		assertThat(currentUser(mariadb.open("probe", "right-one"), "SELECT CURRENT_USER()")).isEqualTo("probe@%");
	}

	private static String currentUser(Connection connection, String query) throws SQLException {
		try (connection; Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(query)) {
			result.next();
			return result.getString(1);
		}
	}

}
