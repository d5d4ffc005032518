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
	HTTP_01,

	/** A value this client does not know yet, answered by a newer service. */
	UNKNOWN;

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
	public static ChallengeType fromValue(String value) {
		return WireValues.parse(ChallengeType.class, value, ChallengeType::value, "challenge type");
	}

	/**
	 * Read a wire value that the service answered: a value this client does not know yet (a newer
	 * service) is read as {@link #UNKNOWN} rather than failing the whole answer.
	 * @param value the wire value
	 * @return the constant, or {@link #UNKNOWN}
	 */
	@JsonCreator
	static ChallengeType fromWire(String value) {
		return WireValues.read(ChallengeType.class, value, ChallengeType::value, UNKNOWN);
	}

}
