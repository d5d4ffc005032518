package ai.scailabs.scaivault.client.audit;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import ai.scailabs.scaivault.client.ValidationException;
import ai.scailabs.scaivault.client.http.WireValues;

/**
 * Whether an audited call was allowed.
 */
public enum AuditResult {

	/** A policy allowed the call. */
	ALLOWED,

	/** No policy allowed the call. */
	DENIED,

	/** A value this client does not know yet, answered by a newer service. */
	UNKNOWN;

	/**
	 * Return the wire value, such as {@code allowed}.
	 * @return the wire value
	 */
	@JsonValue
	public String value() {
		return WireValues.lowerCase(this);
	}

	/**
	 * Return the constant of a wire value that a user passed.
	 * @param value {@code allowed} or {@code denied}
	 * @return the result
	 * @throws ValidationException naming the allowed values
	 */
	public static AuditResult fromValue(String value) {
		return WireValues.parse(AuditResult.class, value, AuditResult::value, "audit result");
	}

	/**
	 * Read a wire value that the service answered: a value this client does not know yet (a newer
	 * service) is read as {@link #UNKNOWN} rather than failing the whole answer.
	 * @param value the wire value
	 * @return the constant, or {@link #UNKNOWN}
	 */
	@JsonCreator
	static AuditResult fromWire(String value) {
		return WireValues.read(AuditResult.class, value, AuditResult::value, UNKNOWN);
	}

}
