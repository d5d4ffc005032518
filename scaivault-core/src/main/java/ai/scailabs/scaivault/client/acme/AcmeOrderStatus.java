package ai.scailabs.scaivault.client.acme;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import ai.scailabs.scaivault.client.ValidationException;
import ai.scailabs.scaivault.client.http.WireValues;

/**
 * State of an ACME order: {@code pending} → {@code processing} → {@code valid} or {@code invalid}.
 */
public enum AcmeOrderStatus {

	/** Waiting for its challenges. */
	PENDING,

	/** Challenges passed, certificate being issued. */
	PROCESSING,

	/** Certificate issued. */
	VALID,

	/** Failed; the order's {@code error} says why. */
	INVALID,

	/** A value this client does not know yet, answered by a newer service. */
	UNKNOWN;

	/**
	 * Return the wire value, such as {@code pending}.
	 * @return the wire value
	 */
	@JsonValue
	public String value() {
		return WireValues.lowerCase(this);
	}

	/**
	 * Return the constant of a wire value that a user passed.
	 * @param value a wire value such as {@code pending}
	 * @return the constant
	 * @throws ValidationException naming the allowed values
	 */
	public static AcmeOrderStatus fromValue(String value) {
		return WireValues.parse(AcmeOrderStatus.class, value, AcmeOrderStatus::value, "ACME order status");
	}

	/**
	 * Read a wire value that the service answered: a value this client does not know yet (a newer
	 * service) is read as {@link #UNKNOWN} rather than failing the whole answer.
	 * @param value the wire value
	 * @return the constant, or {@link #UNKNOWN}
	 */
	@JsonCreator
	static AcmeOrderStatus fromWire(String value) {
		return WireValues.read(AcmeOrderStatus.class, value, AcmeOrderStatus::value, UNKNOWN);
	}

}
