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
	STAGING;

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
	@JsonCreator
	public static AcmeEnvironment fromValue(String value) {
		return WireValues.parse(AcmeEnvironment.class, value, AcmeEnvironment::value, "ACME environment");
	}

}
