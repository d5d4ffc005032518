package ai.scailabs.scaivault.jdbc;

import ai.scailabs.scaivault.client.ScaiVaultClient;
import ai.scailabs.scaivault.devserver.ScaiVaultDevServer;

/**
 * {@link RotationTests} on one of the machine's real databases ({@link TestDatabases}).
 */
abstract class RealDatabaseRotationTests extends RotationTests {

	private final TestDatabases database;

	RealDatabaseRotationTests(TestDatabases database) {
		super(database.name().toLowerCase(java.util.Locale.ROOT) + "-app");
		this.database = database;
	}

	@Override
	protected void configureEngine(ScaiVaultDevServer server, ScaiVaultClient client, String engine) {
		client.dynamic().configureEngine(this.database.engine(engine));
	}

	@Override
	protected String currentUserQuery() {
		return this.database.currentUserQuery();
	}

	@Override
	protected boolean accountExists(String account) {
		return this.database.accountExists(account);
	}

}
