package ai.scailabs.scaivault.client.http;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ai.scailabs.scaivault.client.ValidationException;

/**
 * The contract's duration strings: {@code 15s}, {@code 30m}, {@code 1h}, {@code 7d}, and sums
 * such as {@code 1h30m}.
 */
public final class Durations {

	private static final Pattern PART = Pattern.compile("(\\d+)([dhms])");

	private static final Pattern WHOLE = Pattern.compile("(\\d+[dhms])+");

	private Durations() {
	}

	/**
	 * Format a duration as the contract's string: the largest units first, zero parts left out
	 * ({@code PT1H30M} is {@code 1h30m}, {@code P7D} is {@code 7d}). Sub-second parts are rounded up to
	 * the next second.
	 * @param duration a positive duration
	 * @return the contract form
	 */
	public static String format(Duration duration) {
		if (duration.isNegative() || duration.isZero()) {
			throw new ValidationException("validation_error", "Duration must be positive, got " + duration,
					java.util.Map.of(), null, 0);
		}
		long seconds = duration.getSeconds() + ((duration.getNano() > 0) ? 1 : 0);
		StringBuilder result = new StringBuilder();
		long days = seconds / 86400;
		seconds %= 86400;
		long hours = seconds / 3600;
		seconds %= 3600;
		long minutes = seconds / 60;
		seconds %= 60;
		append(result, days, 'd');
		append(result, hours, 'h');
		append(result, minutes, 'm');
		append(result, seconds, 's');
		return result.toString();
	}

	/**
	 * Format a lifetime as the documents write lifetimes ({@code 48h}, {@code 168h}, {@code 2h}): whole
	 * hours in hours, anything else as {@link #format(Duration)} does ({@code 30m}, {@code 1h30m}).
	 * @param duration a positive duration
	 * @return the contract form
	 */
	public static String formatHours(Duration duration) {
		boolean wholeHours = duration.toHours() > 0 && duration.toSecondsPart() == 0 && duration.toMinutesPart() == 0
				&& duration.toNanosPart() == 0;
		return wholeHours ? duration.toHours() + "h" : format(duration);
	}

	/**
	 * Parse the contract's duration string.
	 * @param text such as {@code 1h30m}
	 * @return the duration
	 */
	public static Duration parse(String text) {
		String trimmed = text.trim();
		if (!WHOLE.matcher(trimmed).matches()) {
			throw new ValidationException("validation_error",
					"Not a duration: '" + text + "' (expected forms such as 30s, 15m, 1h30m, 7d)", java.util.Map.of(),
					null, 0);
		}
		Duration result = Duration.ZERO;
		Matcher matcher = PART.matcher(trimmed);
		while (matcher.find()) {
			long amount = Long.parseLong(matcher.group(1));
			result = switch (matcher.group(2)) {
				case "d" -> result.plusDays(amount);
				case "h" -> result.plusHours(amount);
				case "m" -> result.plusMinutes(amount);
				default -> result.plusSeconds(amount);
			};
		}
		return result;
	}

	private static void append(StringBuilder result, long amount, char unit) {
		if (amount > 0) {
			result.append(amount).append(unit);
		}
	}

}
