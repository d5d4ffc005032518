package ai.scailabs.scaivault.devserver.pki;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import ai.scailabs.scaivault.devserver.http.ApiException;

/**
 * The type and size of a key: {@code ec} with 256 or 384 bits, or {@code rsa} with 2048 to 8192
 * bits.
 *
 * @param type {@code ec} or {@code rsa}
 * @param size the size in bits
 */
public record KeySpec(String type, int size) {

	/** The default: an EC P-256 key. */
	public static final KeySpec DEFAULT = new KeySpec("ec", 256);

	public KeySpec {
		if ("ec".equals(type)) {
			if (size != 256 && size != 384) {
				throw ApiException.validation("key_size " + size + " is not supported for key_type ec; use 256 or 384",
						Map.of("field", "key_size"));
			}
		}
		else if ("rsa".equals(type)) {
			if (size < 2048 || size > 8192 || size % 8 != 0) {
				throw ApiException.validation(
						"key_size " + size + " is not supported for key_type rsa; use 2048, 3072 or 4096",
						Map.of("field", "key_size"));
			}
		}
		else {
			throw ApiException.validation("key_type must be ec or rsa", Map.of("field", "key_type"));
		}
	}

	/**
	 * Read a key spec from request fields, applying defaults: {@code ec} and 256 for EC, 2048 for
	 * RSA.
	 * @param type the {@code key_type} field, or {@code null}
	 * @param size the {@code key_size} field, or {@code null}
	 * @param defaults the spec to use when both are absent
	 * @return the key spec
	 */
	public static KeySpec of(@Nullable String type, @Nullable Integer size, KeySpec defaults) {
		if (type == null && size == null) {
			return defaults;
		}
		String keyType = (type != null) ? type.toLowerCase(Locale.ROOT) : defaults.type();
		int keySize = (size != null) ? size : ("rsa".equals(keyType) ? 2048 : 256);
		return new KeySpec(keyType, keySize);
	}

	/**
	 * Describe the key of a public key.
	 * @param key an EC or RSA public key
	 * @return its spec
	 */
	public static KeySpec describe(PublicKey key) {
		if (key instanceof ECPublicKey ec) {
			int bits = ec.getParams().getCurve().getField().getFieldSize();
			return new KeySpec("ec", (bits <= 256) ? 256 : 384);
		}
		if (key instanceof RSAPublicKey rsa) {
			return new KeySpec("rsa", rsa.getModulus().bitLength());
		}
		throw ApiException.validation("Only EC and RSA keys are supported, not " + key.getAlgorithm());
	}

	/** @return a new key pair of this spec, from the JDK's providers */
	public KeyPair generate() {
		try {
			if ("ec".equals(this.type)) {
				KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
				generator.initialize(new ECGenParameterSpec((this.size == 256) ? "secp256r1" : "secp384r1"));
				return generator.generateKeyPair();
			}
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(this.size);
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot generate a " + this.type + " " + this.size + " key", ex);
		}
	}

	/**
	 * The signature algorithm a CA with a key of this spec signs with.
	 * @return a JCA signature algorithm name
	 */
	public String signatureAlgorithm() {
		if ("ec".equals(this.type)) {
			return (this.size == 256) ? "SHA256withECDSA" : "SHA384withECDSA";
		}
		return "SHA256withRSA";
	}

}
