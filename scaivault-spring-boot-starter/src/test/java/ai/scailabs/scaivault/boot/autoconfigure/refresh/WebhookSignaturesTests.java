package ai.scailabs.scaivault.boot.autoconfigure.refresh;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link WebhookSignatures}.
 */
class WebhookSignaturesTests {

	private static final byte[] BODY = "{\"id\":\"evt_1\"}".getBytes(StandardCharsets.UTF_8);

	private final WebhookSignatures signatures = new WebhookSignatures("whsec_test");

	@Test
	void verifyWhenSignatureIsTheBodysHmacThenAccepts() {
		// echo -n '{"id":"evt_1"}' | openssl dgst -sha256 -hmac whsec_test
		String expected = HexFormat.of().formatHex(this.signatures.sign(BODY));
		assertThat(expected).hasSize(64).isLowerCase();
		assertThat(this.signatures.verify(BODY, expected)).isTrue();
	}

	@Test
	void verifyWhenSignatureIsOfAnotherKeyOrBodyThenRejects() {
		String otherKey = HexFormat.of().formatHex(new WebhookSignatures("whsec_other").sign(BODY));
		assertThat(this.signatures.verify(BODY, otherKey)).isFalse();
		String signature = HexFormat.of().formatHex(this.signatures.sign(BODY));
		assertThat(this.signatures.verify("{\"id\":\"evt_2\"}".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
	}

	@Test
	void verifyWhenSignatureIsMissingOrNotHexThenRejects() {
		assertThat(this.signatures.verify(BODY, null)).isFalse();
		assertThat(this.signatures.verify(BODY, "")).isFalse();
		assertThat(this.signatures.verify(BODY, "z".repeat(64))).isFalse();
		assertThat(this.signatures.verify(BODY, "sha256=" + HexFormat.of().formatHex(this.signatures.sign(BODY))))
			.isFalse();
	}

	@Test
	void createWhenSecretIsBlankThenFails() {
		assertThatIllegalArgumentException().isThrownBy(() -> new WebhookSignatures(" "));
	}

	@Test
	void toStringNeverShowsTheKey() {
		assertThat(this.signatures.toString()).doesNotContain("whsec_test");
	}

}
