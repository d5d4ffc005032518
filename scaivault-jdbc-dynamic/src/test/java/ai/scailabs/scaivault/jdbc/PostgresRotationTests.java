package ai.scailabs.scaivault.jdbc;

/**
 * {@link RotationTests} on the machine's Postgres ({@link TestDatabases#POSTGRESQL}).
 */
class PostgresRotationTests extends RealDatabaseRotationTests {

	PostgresRotationTests() {
		super(TestDatabases.POSTGRESQL);
	}

}
