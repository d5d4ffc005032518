package ai.scailabs.scaivault.client.http;

import org.junit.jupiter.api.Test;

import ai.scailabs.scaivault.client.ValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link SecretPaths}.
 */
class SecretPathsTests {

	@Test
	void validateWhenPathIsValidReturnsIt() {
		assertThat(SecretPaths.validate("app/db/password")).isEqualTo("app/db/password");
		assertThat(SecretPaths.validate("a.b/c_d/E-9/.hidden/..x")).isEqualTo("a.b/c_d/E-9/.hidden/..x");
		assertThat(SecretPaths.validate("x".repeat(SecretPaths.MAX_LENGTH))).hasSize(SecretPaths.MAX_LENGTH);
	}

	@Test
	void validateWhenPathIsInvalidNamesTheProblem() {
		assertInvalid("", "it is empty");
		assertInvalid("x".repeat(SecretPaths.MAX_LENGTH + 1), "longer than 512");
		assertInvalid("/a", "must not start or end with '/'");
		assertInvalid("a/", "must not start or end with '/'");
		assertInvalid("a//b", "empty segment");
		assertInvalid("a/./b", "'.' and '..'");
		assertInvalid("a/..", "'.' and '..'");
		assertInvalid("..", "'.' and '..'");
		assertInvalid("a/b c", "segment 'b c' may only contain");
		assertInvalid("a/ü", "segment 'ü' may only contain");
		assertInvalid("a?b", "segment 'a?b' may only contain");
	}

	private static void assertInvalid(String path, String problem) {
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> SecretPaths.validate(path))
			.withMessageContaining(problem);
	}

}
