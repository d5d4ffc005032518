package ai.scailabs.scaivault.client.acme;

import java.util.Arrays;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

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
	INVALID;

	/**
	 * Return the wire value, such as {@code pending}.
	 * @return the wire value
	 */
	@JsonValue
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Return the constant of a wire value.
	 * @param value a wire value such as {@code pending}
	 * @return the constant
	 * @throws IllegalArgumentException naming the allowed values
	 */
	@JsonCreator
	public static AcmeOrderStatus fromValue(String value) {
		for (AcmeOrderStatus candidate : values()) {
			if (candidate.value().equals(value)) {
				return candidate;
			}
		}
		throw new IllegalArgumentException("Unknown ACME order status '" + value + "', expected one of "
				+ Arrays.stream(values()).map(AcmeOrderStatus::value).toList());
	}

}
