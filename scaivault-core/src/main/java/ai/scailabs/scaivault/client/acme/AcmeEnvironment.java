package ai.scailabs.scaivault.client.acme;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import ai.scailabs.scaivault.client.ValidationException;
import ai.scailabs.scaivault.client.http.WireValues;

/**
 * Environment of an ACME provider.
 */
public enum AcmeEnvironment {

	/** Trusted certificates, strict rate limits. */
	PRODUCTION,

	/** Untrusted test certificates, generous rate limits. */
	STAGING,

	/** A value this client does not know yet, answered by a newer service. */
	UNKNOWN;

	/**
	 * Return the wire value, such as {@code production}.
	 * @return the wire value
	 */
	@JsonValue
	public String value() {
		return WireValues.lowerCase(this);
	}

	/**
	 * Return the constant of a wire value that a user passed.
	 * @param value a wire value such as {@code production}
	 * @return the constant
	 * @throws ValidationException naming the allowed values
	 */
	public static AcmeEnvironment fromValue(String value) {
		return WireValues.parse(AcmeEnvironment.class, value, AcmeEnvironment::value, "ACME environment");
	}

	/**
	 * Read a wire value that the service answered: a value this client does not know yet (a newer
	 * service) is read as {@link #UNKNOWN} rather than failing the whole answer.
	 * @param value the wire value
	 * @return the constant, or {@link #UNKNOWN}
	 */
	@JsonCreator
	static AcmeEnvironment fromWire(String value) {
		return WireValues.read(AcmeEnvironment.class, value, AcmeEnvironment::value, UNKNOWN);
	}

}
