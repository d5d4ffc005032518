package ai.scailabs.scaivault.client.audit;

import java.util.Arrays;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Whether an audited call was allowed.
 */
public enum AuditResult {

	/** A policy allowed the call. */
	ALLOWED,

	/** No policy allowed the call. */
	DENIED;

	/**
	 * Return the wire value, such as {@code allowed}.
	 * @return the wire value
	 */
	@JsonValue
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Return the result of a wire value.
	 * @param value {@code allowed} or {@code denied}
	 * @return the result
	 * @throws IllegalArgumentException naming the allowed values
	 */
	@JsonCreator
	public static AuditResult fromValue(String value) {
		for (AuditResult result : values()) {
			if (result.value().equals(value)) {
				return result;
			}
		}
		throw new IllegalArgumentException("Unknown audit result '" + value + "', expected one of "
				+ Arrays.stream(values()).map(AuditResult::value).toList());
	}

}
