package ai.scailabs.scaivault.client.pki;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import ai.scailabs.scaivault.client.ValidationException;
import ai.scailabs.scaivault.client.http.WireValues;

/**
 * Algorithm of a key pair.
 */
public enum KeyType {

	/** Elliptic curve (P-256 or P-384). */
	EC,

	/** RSA. */
	RSA,

	/** A value this client does not know yet, answered by a newer service. */
	UNKNOWN;

	/**
	 * Return the wire value, such as {@code ec}.
	 * @return the wire value
	 */
	@JsonValue
	public String value() {
		return WireValues.lowerCase(this);
	}

	/**
	 * Return the constant of a wire value that a user passed.
	 * @param value a wire value such as {@code ec}
	 * @return the constant
	 * @throws ValidationException naming the allowed values
	 */
	public static KeyType fromValue(String value) {
		return WireValues.parse(KeyType.class, value, KeyType::value, "key type");
	}

	/**
	 * Read a wire value that the service answered: a value this client does not know yet (a newer
	 * service) is read as {@link #UNKNOWN} rather than failing the whole answer.
	 * @param value the wire value
	 * @return the constant, or {@link #UNKNOWN}
	 */
	@JsonCreator
	static KeyType fromWire(String value) {
		return WireValues.read(KeyType.class, value, KeyType::value, UNKNOWN);
	}

}
