package ai.scailabs.scaivault.devserver.secrets;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ai.scailabs.scaivault.devserver.http.ApiException;

/**
 * The contract's duration strings: {@code 15s}, {@code 30m}, {@code 1h}, {@code 48h}, {@code 7d},
 * {@code 90d} and sums with the larger units first, such as {@code 1h30m}. Parsing is strict: no
 * spaces, no signs, no fractions, each unit at most once.
 */
public final class Durations {

	private static final Pattern WHOLE = Pattern.compile("(?:(\\d{1,9})d)?(?:(\\d{1,9})h)?(?:(\\d{1,9})m)?(?:(\\d{1,9})s)?");

	private Durations() {
	}

	/**
	 * Parse a duration string.
	 * @param field the request field, named in the error
	 * @param text the text
	 * @return the duration (zero for {@code 0s})
	 * @throws ApiException {@code validation_error} naming the field
	 */
	public static Duration parse(String field, String text) {
		Matcher matcher = WHOLE.matcher(text);
		if (text.isEmpty() || !matcher.matches()) {
			throw ApiException.validation("Field '" + field + "' is not a duration: '" + abbreviate(text)
					+ "' (use forms such as 15s, 30m, 1h, 48h, 7d or 1h30m)", Map.of("field", field));
		}
		Duration result = Duration.ZERO;
		result = result.plusDays(amount(matcher.group(1)));
		result = result.plusHours(amount(matcher.group(2)));
		result = result.plusMinutes(amount(matcher.group(3)));
		return result.plusSeconds(amount(matcher.group(4)));
	}

	/**
	 * Parse a comma-separated list of durations, such as {@code 7d,1d}.
	 * @param field the request field, named in the error
	 * @param text the text
	 * @return the durations in the given order
	 */
	public static List<Duration> parseList(String field, String text) {
		List<Duration> result = new ArrayList<>();
		for (String part : text.split(",", -1)) {
			Duration duration = parse(field, part.trim());
			if (duration.isZero()) {
				throw ApiException.validation("Field '" + field + "' holds a zero duration", Map.of("field", field));
			}
			result.add(duration);
		}
		return List.copyOf(result);
	}

	/**
	 * Format a duration in the contract's form, the largest units first ({@code 1h30m}).
	 * @param duration the duration
	 * @return the text ({@code 0s} for zero)
	 */
	public static String format(Duration duration) {
		long seconds = duration.getSeconds();
		if (seconds == 0) {
			return "0s";
		}
		StringBuilder result = new StringBuilder();
		append(result, seconds / 86400, 'd');
		append(result, (seconds % 86400) / 3600, 'h');
		append(result, (seconds % 3600) / 60, 'm');
		append(result, seconds % 60, 's');
		return result.toString();
	}

	private static void append(StringBuilder result, long amount, char unit) {
		if (amount > 0) {
			result.append(amount).append(unit);
		}
	}

	private static long amount(String group) {
		return (group != null) ? Long.parseLong(group) : 0;
	}

	private static String abbreviate(String text) {
		return (text.length() <= 40) ? text : text.substring(0, 40) + "...";
	}

}
