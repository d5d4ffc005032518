package ai.scailabs.scaivault.config.data;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for {@link ImportPreinitializer}.
 *
 * @author ScaiLabs
 */
class ImportPreinitializerTests {

	@Test
	void preinitializeWhenNoServerRunsThenCompletesWithoutError() {
		assertThatNoException().isThrownBy(ImportPreinitializer::preinitialize);
	}

}
