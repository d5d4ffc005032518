package ai.scailabs.scaivault.client.pki;

import java.util.Arrays;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Algorithm of a key pair.
 */
public enum KeyType {

	/** Elliptic curve (P-256 or P-384). */
	EC,

	/** RSA. */
	RSA;

	/**
	 * Return the wire value, such as {@code ec}.
	 * @return the wire value
	 */
	@JsonValue
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Return the constant of a wire value.
	 * @param value a wire value such as {@code ec}
	 * @return the constant
	 * @throws IllegalArgumentException naming the allowed values
	 */
	@JsonCreator
	public static KeyType fromValue(String value) {
		for (KeyType candidate : values()) {
			if (candidate.value().equals(value)) {
				return candidate;
			}
		}
		throw new IllegalArgumentException("Unknown key type '" + value + "', expected one of "
				+ Arrays.stream(values()).map(KeyType::value).toList());
	}

}
