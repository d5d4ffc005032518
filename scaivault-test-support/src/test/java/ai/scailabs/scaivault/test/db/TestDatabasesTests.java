package ai.scailabs.scaivault.test.db;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link TestDatabases} hands out one server per product and JVM.
 */
class TestDatabasesTests {

	@Test
	void postgresIsChosenOnceAndLetsTheAdministratorIn() throws Exception {
		TestDatabase first = TestDatabases.postgres();
		assertThat(TestDatabases.postgres()).isSameAs(first);
		first.open().close();
		assertThat(first.toString()).contains("PostgreSQL").doesNotContain("password=");
	}

	@Test
	void mariadbIsChosenOnceAndLetsTheAdministratorIn() throws Exception {
		TestDatabase first = TestDatabases.mariadb();
		assertThat(TestDatabases.mariadb()).isSameAs(first);
		first.open().close();
	}

	@Test
	void settingReadsTheSystemPropertyFirst() {
		System.setProperty("scaivault.test.example.url", "jdbc:postgresql://db:5432/test");
		try {
			assertThat(TestDatabases.setting("SCAIVAULT_TEST_EXAMPLE_URL")).isEqualTo("jdbc:postgresql://db:5432/test");
		}
		finally {
			System.clearProperty("scaivault.test.example.url");
		}
	}

}
