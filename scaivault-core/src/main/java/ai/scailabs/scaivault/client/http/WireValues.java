package ai.scailabs.scaivault.client.http;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import ai.scailabs.scaivault.client.ValidationException;

/**
 * Wire values of the client's enums: the lower-case name by default, strict parsing of what a user
 * passes, and lenient reading of what the service answers. A constant named {@code UNKNOWN} stands
 * for any value this client does not know yet; it is never parsed from user input.
 */
public final class WireValues {

	private static final String UNKNOWN = "UNKNOWN";

	private WireValues() {
	}

	/**
	 * Return the default wire value of a constant: its name in lower case, such as {@code pending}.
	 * @param constant the constant
	 * @return the wire value
	 */
	public static String lowerCase(Enum<?> constant) {
		return constant.name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Parse a wire value that a user passed.
	 * @param <E> the enum type
	 * @param type the enum type
	 * @param value the wire value
	 * @param wireValue the wire value of each constant
	 * @param what what the value is, for the message, such as {@code "key type"}
	 * @return the constant
	 * @throws ValidationException naming the allowed values when the value is unknown
	 */
	public static <E extends Enum<E>> E parse(Class<E> type, String value, Function<E, String> wireValue,
			String what) {
		for (E candidate : type.getEnumConstants()) {
			if (!isUnknown(candidate) && wireValue.apply(candidate).equals(value)) {
				return candidate;
			}
		}
		throw new ValidationException("validation_error", "Unknown " + what + " '" + value + "', expected one of "
				+ Arrays.stream(type.getEnumConstants()).filter((candidate) -> !isUnknown(candidate))
					.map(wireValue)
					.toList(),
				Map.of("value", value), null, 0);
	}

	/**
	 * Read a wire value that the service answered, leniently: a value this client does not know
	 * (a newer service) is read as {@code unknown} rather than failing the whole answer.
	 * @param <E> the enum type
	 * @param type the enum type
	 * @param value the wire value
	 * @param wireValue the wire value of each constant
	 * @param unknown the constant for unknown values
	 * @return the constant
	 */
	public static <E extends Enum<E>> E read(Class<E> type, String value, Function<E, String> wireValue,
			E unknown) {
		for (E candidate : type.getEnumConstants()) {
			if (candidate != unknown && wireValue.apply(candidate).equals(value)) {
				return candidate;
			}
		}
		return unknown;
	}

	private static boolean isUnknown(Enum<?> constant) {
		return UNKNOWN.equals(constant.name());
	}

}
