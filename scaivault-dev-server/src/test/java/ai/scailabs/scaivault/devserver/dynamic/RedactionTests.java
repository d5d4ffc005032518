package ai.scailabs.scaivault.devserver.dynamic;

import java.sql.SQLException;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Redaction} and the scrubbing of driver messages in {@link DatabaseAccounts}.
 */
class RedactionTests {

	private static final String PASSWORD = "Ab3dEfGh1jKlMnOpQrStUvWxYz012345";

	@Test
	void redactRemovesTheWholeSecret() {
		assertThat(Redaction.redact("password '" + PASSWORD + "' refused", PASSWORD))
			.isEqualTo("password '<redacted>' refused");
	}

	@Test
	void redactRemovesAPrefixCutByTheDriver() {
		String message = "right syntax to use near ' '-----', '" + PASSWORD.substring(0, 7) + "...' at line 1";
		assertThat(Redaction.redact(message, PASSWORD)).isEqualTo("right syntax to use near ' '-----', '<redacted>...' at line 1");
	}

	@Test
	void redactRemovesASuffixAndAMiddlePart() {
		assertThat(Redaction.redact("near '" + PASSWORD.substring(20) + "' and " + PASSWORD.substring(8, 16), PASSWORD))
			.isEqualTo("near '<redacted>' and <redacted>");
	}

	@Test
	void redactKeepsPartsShorterThanSixCharacters() {
		assertThat(Redaction.redact("near 'Ab3dE' at line 1", PASSWORD)).isEqualTo("near 'Ab3dE' at line 1");
	}

	@Test
	void redactRemovesAShortSecretOnlyWhole() {
		assertThat(Redaction.redact("user pw: pwd", "pwd")).isEqualTo("user pw: <redacted>");
		assertThat(Redaction.redact("unchanged", "")).isEqualTo("unchanged");
	}

	@Test
	void failureScrubsPartsOfTheAdminPassword() {
		Engine engine = new Engine("orders-db", DatabaseType.MYSQL, "jdbc:mariadb://127.0.0.1:3306/test", "root", PASSWORD,
				"jdbc:mariadb://127.0.0.1:3306/test", Instant.EPOCH);
		SQLException ex = new SQLException("near 'xyz " + PASSWORD.substring(3, 15) + "' at line 1", "42000", 1064);
		AccountException failure = DatabaseAccounts.of(engine).failure("statement 1 failed", ex);
		assertThat(failure.getMessage()).isEqualTo(
				"Engine 'orders-db' statement 1 failed: near 'xyz <redacted>' at line 1 (SQLState 42000)");
		assertThat(failure.unreachable()).isFalse();
	}

}
