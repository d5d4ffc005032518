package ai.scailabs.scaivault.client.secrets;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Type of a secret, as the contract's {@code secret_type}.
 */
public enum SecretType {

	JSON, PASSWORD, API_KEY, CERTIFICATE, SSH_KEY, OPAQUE,

	/** A type this client does not know yet, answered by a newer service. */
	UNKNOWN;

	/** @return the wire value, such as {@code api_key} */
	@JsonValue
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * @param value a wire value
	 * @return the type
	 */
	public static SecretType fromValue(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

	/**
	 * Read a wire value leniently: a type this client does not know yet (a newer service) is read
	 * as {@link #UNKNOWN} rather than failing the whole answer.
	 * @param value a wire value
	 * @return the type
	 */
	@JsonCreator
	static SecretType fromWire(String value) {
		for (SecretType type : values()) {
			if (type != UNKNOWN && type.value().equalsIgnoreCase(value)) {
				return type;
			}
		}
		return UNKNOWN;
	}

}
