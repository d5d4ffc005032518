package ai.scailabs.scaivault.client.acme;

import java.util.Arrays;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

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
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/**
	 * Return the constant of a wire value.
	 * @param value a wire value such as {@code dns-01}
	 * @return the constant
	 * @throws IllegalArgumentException naming the allowed values
	 */
	@JsonCreator
	public static ChallengeType fromValue(String value) {
		for (ChallengeType candidate : values()) {
			if (candidate.value().equals(value)) {
				return candidate;
			}
		}
		throw new IllegalArgumentException("Unknown challenge type '" + value + "', expected one of "
				+ Arrays.stream(values()).map(ChallengeType::value).toList());
	}

}
