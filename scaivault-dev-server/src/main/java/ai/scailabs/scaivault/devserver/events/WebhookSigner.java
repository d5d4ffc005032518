package ai.scailabs.scaivault.devserver.events;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Computes {@code X-ScaiVault-Signature}: the lowercase hex HMAC-SHA256 of the exact raw body
 * bytes, keyed with the subscription's secret (its UTF-8 bytes), as the receiver recomputes it.
 */
public final class WebhookSigner {

	/** The signature header. */
	public static final String SIGNATURE_HEADER = "X-ScaiVault-Signature";

	private WebhookSigner() {
	}

	/**
	 * @param secret the subscription's secret
	 * @param body the raw body bytes
	 * @return the lowercase hex signature
	 */
	public static String sign(String secret, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

}
