package ai.scailabs.scaivault.client.acme;

import java.util.Arrays;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

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
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Return the constant of a wire value.
	 * @param value a wire value such as {@code production}
	 * @return the constant
	 * @throws IllegalArgumentException naming the allowed values
	 */
	@JsonCreator
	public static AcmeEnvironment fromValue(String value) {
		for (AcmeEnvironment candidate : values()) {
			if (candidate.value().equals(value)) {
				return candidate;
			}
		}
		throw new IllegalArgumentException("Unknown ACME environment '" + value + "', expected one of "
				+ Arrays.stream(values()).map(AcmeEnvironment::value).toList());
	}

}
