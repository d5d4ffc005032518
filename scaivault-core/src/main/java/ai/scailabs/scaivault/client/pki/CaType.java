package ai.scailabs.scaivault.client.pki;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import ai.scailabs.scaivault.client.ValidationException;
import ai.scailabs.scaivault.client.http.WireValues;

/**
 * Kind of certificate authority.
 */
public enum CaType {

	/** Self-signed root. */
	ROOT,

	/** Signed by a parent certificate authority of the vault. */
	INTERMEDIATE,

	/** A value this client does not know yet, answered by a newer service. */
	UNKNOWN;

	/**
	 * Return the wire value, such as {@code root}.
	 * @return the wire value
	 */
	@JsonValue
	public String value() {
		return WireValues.lowerCase(this);
	}

	/**
	 * Return the constant of a wire value that a user passed.
	 * @param value a wire value such as {@code root}
	 * @return the constant
	 * @throws ValidationException naming the allowed values
	 */
	public static CaType fromValue(String value) {
		return WireValues.parse(CaType.class, value, CaType::value, "CA type");
	}

	/**
	 * Read a wire value that the service answered: a value this client does not know yet (a newer
	 * service) is read as {@link #UNKNOWN} rather than failing the whole answer.
	 * @param value the wire value
	 * @return the constant, or {@link #UNKNOWN}
	 */
	@JsonCreator
	static CaType fromWire(String value) {
		return WireValues.read(CaType.class, value, CaType::value, UNKNOWN);
	}

}
