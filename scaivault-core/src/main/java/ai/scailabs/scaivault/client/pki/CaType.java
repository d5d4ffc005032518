package ai.scailabs.scaivault.client.pki;

import java.util.Arrays;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Kind of certificate authority.
 */
public enum CaType {

	/** Self-signed root. */
	ROOT,

	/** Signed by a parent certificate authority of the vault. */
	INTERMEDIATE;

	/**
	 * Return the wire value, such as {@code root}.
	 * @return the wire value
	 */
	@JsonValue
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Return the constant of a wire value.
	 * @param value a wire value such as {@code root}
	 * @return the constant
	 * @throws IllegalArgumentException naming the allowed values
	 */
	@JsonCreator
	public static CaType fromValue(String value) {
		for (CaType candidate : values()) {
			if (candidate.value().equals(value)) {
				return candidate;
			}
		}
		throw new IllegalArgumentException("Unknown CA type '" + value + "', expected one of "
				+ Arrays.stream(values()).map(CaType::value).toList());
	}

}
