package ai.scailabs.scaivault.jdbc;

/**
 * {@link RotationTests} on the machine's MariaDb ({@link TestDatabases#MARIADB}).
 */
class MariaDbRotationTests extends RealDatabaseRotationTests {

	MariaDbRotationTests() {
		super(TestDatabases.MARIADB);
	}

}
