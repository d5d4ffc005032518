package ai.scailabs.scaivault.devserver.dynamic;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import ai.scailabs.scaivault.devserver.time.DevClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The set-up the tests of {@link DynamicSecrets} against a real database share: an admin
 * connection, an engine with a {@code readonly} role (1h, at most 2h), and a check after each test
 * that no account it generated is left behind.
 */
abstract class RealDatabaseTests {

	protected final DevClock clock = new DevClock();

	protected final RecordingEvents events = new RecordingEvents();

	/** The accounts a test generated, checked to be gone after it. */
	protected final List<String> usernames = new ArrayList<>();

	protected DynamicSecrets dynamic;

	protected Connection admin;

	private final String engine;

	/** @param engine the name the engine is configured with */
	protected RealDatabaseTests(String engine) {
		this.engine = engine;
	}

	@BeforeEach
	void configureEngine() {
		this.admin = connectAdmin();
		this.dynamic = new DynamicSecrets(this.clock, this.events);
		this.dynamic.configureEngine(engineRequest(this.engine));
		this.dynamic.configureRole(this.engine,
				new RoleRequest("readonly", null, null, Duration.ofHours(1), Duration.ofHours(2)));
	}

	@AfterEach
	void closeAndCheckNothingIsLeftBehind() throws SQLException {
		this.dynamic.close();
		try (Connection connection = this.admin) {
			for (String username : this.usernames) {
				assertThat(accountExists(connection, username)).as("account %s left behind", username).isFalse();
			}
		}
	}

	/** @return an admin connection to the database, or a failure that says what to start */
	protected abstract Connection connectAdmin();

	/**
	 * @param name the engine name
	 * @return the request that configures the engine
	 */
	protected abstract EngineRequest engineRequest(String name);

	/**
	 * @param connection an admin connection
	 * @param username an account name
	 * @return whether the account exists
	 */
	protected abstract boolean accountExists(Connection connection, String username) throws SQLException;

	/**
	 * Generate credentials of the {@code readonly} role and remember the account.
	 * @param ttl the TTL, or {@code null} for the role's default
	 * @return the credentials
	 */
	protected Credentials generate(Duration ttl) {
		Credentials credentials = this.dynamic.generate(this.engine, "readonly", ttl);
		this.usernames.add(credentials.lease().username());
		return credentials;
	}

}
