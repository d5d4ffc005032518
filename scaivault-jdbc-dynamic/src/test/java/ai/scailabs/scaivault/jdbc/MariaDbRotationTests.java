package ai.scailabs.scaivault.jdbc;

import ai.scailabs.scaivault.client.ScaiVaultClient;
import ai.scailabs.scaivault.devserver.ScaiVaultDevServer;

/**
 * {@link RotationTests} on the machine's MariaDb ({@link TestDatabases#MARIADB}).
 */
class MariaDbRotationTests extends RotationTests {

	MariaDbRotationTests() {
		super("mariadb-app");
	}

	@Override
	protected void configureEngine(ScaiVaultDevServer server, ScaiVaultClient client, String engine) {
		client.dynamic().configureEngine(TestDatabases.MARIADB.engine(engine));
	}

	@Override
	protected String currentUserQuery() {
		return TestDatabases.MARIADB.currentUserQuery();
	}

	@Override
	protected boolean accountExists(String account) {
		return TestDatabases.MARIADB.accountExists(account);
	}

}
