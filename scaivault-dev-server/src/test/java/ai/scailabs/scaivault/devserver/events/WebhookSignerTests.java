package ai.scailabs.scaivault.devserver.events;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignerTests {

	@Test
	void signIsLowercaseHexHmacSha256OfRawBody() {
		// RFC 4231, test case 2
		assertThat(WebhookSigner.sign("Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8)))
			.isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
	}

	@Test
	void signVerifiesWithTheWalkThroughReceiverCheck() {
		byte[] body = "{\"id\":\"evt_1\",\"type\":\"secret.rotated\"}".getBytes(StandardCharsets.UTF_8);
		String signature = WebhookSigner.sign("whsec_abc", body);
		assertThat(WebhookReceiver.verify("whsec_abc", body, signature)).isTrue();
		assertThat(WebhookReceiver.verify("whsec_abd", body, signature)).isFalse();
	}

}
