package ai.scailabs.scaivault.boot.autoconfigure.refresh;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * Checks {@code X-ScaiVault-Signature}: the lowercase hex HMAC-SHA256 of the raw body, keyed with
 * the subscription's delivery secret (contract section 7), compared in constant time.
 * {@link #toString()} never shows the key.
 *
 * @author ScaiLabs
 */
final class WebhookSignatures {

	/** The signature header. */
	static final String HEADER = "X-ScaiVault-Signature";

	private static final String ALGORITHM = "HmacSHA256";

	private static final int SIGNATURE_HEX_LENGTH = 64;

	private final SecretKeySpec key;

	WebhookSignatures(String secret) {
		if (secret.isBlank()) {
			throw new IllegalArgumentException("The webhook secret must not be blank");
		}
		this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
	}

	/**
	 * Return whether the signature is the body's.
	 * @param body the raw body
	 * @param signature the header's value, or {@code null} when absent
	 * @return {@code true} for a valid signature
	 */
	boolean verify(byte[] body, @Nullable String signature) {
		if (signature == null || signature.length() != SIGNATURE_HEX_LENGTH) {
			return false;
		}
		byte[] given;
		try {
			given = HexFormat.of().parseHex(signature);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		return MessageDigest.isEqual(sign(body), given);
	}

	/**
	 * Sign a body, as ScaiVault does.
	 * @param body the raw body
	 * @return the HMAC-SHA256
	 */
	byte[] sign(byte[] body) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(this.key);
			return mac.doFinal(body);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	@Override
	public String toString() {
		return "WebhookSignatures[" + ALGORITHM + ", key=(redacted)]";
	}

}
