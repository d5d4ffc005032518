package ai.scailabs.scaivault.client.acme;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import ai.scailabs.scaivault.client.ValidationException;
import ai.scailabs.scaivault.client.http.WireValues;

/**
 * How an ACME order proves control of its domains.
 */
public enum ChallengeType {

	/** A TXT record below {@code _acme-challenge}. */
	DNS_01,

	/** A file below {@code /.well-known/acme-challenge/}. */
	HTTP_01;

	/**
	 * Return the wire value, such as {@code dns-01}.
	 * @return the wire value
	 */
	@JsonValue
	public String value() {
		return WireValues.lowerCase(this).replace('_', '-');
	}

	/**
	 * Return the constant of a wire value that a user passed.
	 * @param value a wire value such as {@code dns-01}
	 * @return the constant
	 * @throws ValidationException naming the allowed values
	 */
	@JsonCreator
	public static ChallengeType fromValue(String value) {
		return WireValues.parse(ChallengeType.class, value, ChallengeType::value, "challenge type");
	}

}
