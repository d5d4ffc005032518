package ai.scailabs.scaivault.jdbc;

import ai.scailabs.scaivault.client.ScaiVaultClient;
import ai.scailabs.scaivault.devserver.ScaiVaultDevServer;

/**
 * {@link RotationTests} on the machine's Postgres ({@link TestDatabases#POSTGRESQL}).
 */
class PostgresRotationTests extends RotationTests {

	PostgresRotationTests() {
		super("postgres-app");
	}

	@Override
	protected void configureEngine(ScaiVaultDevServer server, ScaiVaultClient client, String engine) {
		client.dynamic().configureEngine(TestDatabases.POSTGRESQL.engine(engine));
	}

	@Override
	protected String currentUserQuery() {
		return TestDatabases.POSTGRESQL.currentUserQuery();
	}

	@Override
	protected boolean accountExists(String account) {
		return TestDatabases.POSTGRESQL.accountExists(account);
	}

}
