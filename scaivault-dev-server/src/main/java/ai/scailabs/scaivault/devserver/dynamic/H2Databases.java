package ai.scailabs.scaivault.devserver.dynamic;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.h2.tools.Server;
import org.jspecify.annotations.Nullable;

/**
 * The in-memory H2 databases of {@code h2} engines configured without a {@code connection_url}:
 * zero set-up databases for samples and tests.
 *
 * <p>Each engine gets its own in-memory database ({@code jdbc:h2:mem:scaivault-<engine>-<random>},
 * kept open until the dev server closes) with an admin user {@code sa} and a random admin
 * password. So that the credentials work from any JVM on the machine, and not only inside the
 * dev server's, the databases are also served by an H2 TCP server on an ephemeral port (started
 * with the first such engine; without {@code -tcpAllowOthers} it only takes local connections,
 * and it opens no database that does not already exist); the {@code connection_url} handed out
 * with credentials is its {@code jdbc:h2:tcp://127.0.0.1:<port>/mem:...} URL.
 */
final class H2Databases implements AutoCloseable {

	private static final System.Logger logger = System.getLogger(H2Databases.class.getName());

	private final Map<String, Database> databases = new LinkedHashMap<>();

	private @Nullable Server server;

	/**
	 * @param engine the engine name
	 * @return the engine's database, created on first use
	 * @throws AccountException when H2 cannot start
	 */
	synchronized Database forEngine(String engine) {
		Database existing = this.databases.get(engine);
		if (existing != null) {
			return existing;
		}
		String name = "scaivault-" + engine.replaceAll("[^A-Za-z0-9_-]", "_") + "-" + Randoms.token(8);
		String url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
		String password = Randoms.password();
		try (Connection connection = DriverManager.getConnection(url, "sa", password)) {
			connection.isValid(1);
		}
		catch (SQLException ex) {
			throw new AccountException("Could not create the in-memory H2 database of engine '" + engine + "': "
					+ ex.getMessage(), false);
		}
		Database database = new Database(url, "jdbc:h2:tcp://127.0.0.1:" + server().getPort() + "/mem:" + name,
				"sa", password);
		this.databases.put(engine, database);
		return database;
	}

	private Server server() {
		Server current = this.server;
		if (current == null) {
			try {
				current = Server.createTcpServer("-tcpPort", "0", "-tcpDaemon").start();
			}
			catch (SQLException ex) {
				throw new AccountException("Could not start the H2 TCP server: " + ex.getMessage(), false);
			}
			this.server = current;
		}
		return current;
	}

	/** Shut the databases down and stop the TCP server. */
	@Override
	public synchronized void close() {
		List<Database> open = new ArrayList<>(this.databases.values());
		this.databases.clear();
		for (Database database : open) {
			try (Connection connection = DriverManager.getConnection(database.url(), database.username(),
					database.password()); Statement statement = connection.createStatement()) {
				statement.execute("SHUTDOWN");
			}
			catch (SQLException ex) {
				logger.log(System.Logger.Level.DEBUG, () -> "H2 database already closed: " + ex.getSQLState());
			}
		}
		Server current = this.server;
		if (current != null) {
			current.stop();
			this.server = null;
		}
	}

	/**
	 * One in-memory database.
	 *
	 * @param url the in-process URL the engine administers it with
	 * @param tcpUrl the TCP URL handed out with credentials
	 * @param username the admin user
	 * @param password the admin password
	 */
	record Database(String url, String tcpUrl, String username, String password) {

		@Override
		public String toString() {
			return "Database[url=" + this.url + ", tcpUrl=" + this.tcpUrl + ", username=" + this.username
					+ ", password=<redacted>]";
		}

	}

}
