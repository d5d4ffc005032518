package ai.scailabs.scaivault.devserver.dynamic;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link JdbcUrls}.
 */
class JdbcUrlsTests {

	@Test
	void holdsCredentialsFindsUserAndPasswordAnywhere() {
		assertThat(JdbcUrls.holdsCredentials("jdbc:postgresql://127.0.0.1/test?password=x")).isTrue();
		assertThat(JdbcUrls.holdsCredentials("jdbc:mariadb://127.0.0.1/test?ssl=true&user=root")).isTrue();
		assertThat(JdbcUrls.holdsCredentials("jdbc:h2:mem:x;USER=sa;PASSWORD=y")).isTrue();
		assertThat(JdbcUrls.holdsCredentials("jdbc:mysql://root:pw@127.0.0.1/test")).isTrue();
		assertThat(JdbcUrls.holdsCredentials("jdbc:postgresql://127.0.0.1:5432/test?sslmode=disable")).isFalse();
		assertThat(JdbcUrls.holdsCredentials("jdbc:h2:mem:x;DB_CLOSE_DELAY=-1")).isFalse();
	}

	@Test
	void databaseIsThePathOfTheUrl() {
		assertThat(JdbcUrls.database("jdbc:mariadb://127.0.0.1:3306/test?x=y")).isEqualTo("test");
		assertThat(JdbcUrls.database("jdbc:postgresql://db.example:5432/orders")).isEqualTo("orders");
		assertThat(JdbcUrls.database("jdbc:mariadb://127.0.0.1:3306")).isEmpty();
	}

	@Test
	void forDriverOpensMysqlSchemeWithTheMariaDbDriver() {
		assertThat(JdbcUrls.forDriver("jdbc:mysql://127.0.0.1:3306/test")).isEqualTo("jdbc:mariadb://127.0.0.1:3306/test");
		assertThat(JdbcUrls.forDriver("jdbc:postgresql://127.0.0.1/test")).isEqualTo("jdbc:postgresql://127.0.0.1/test");
	}

}
