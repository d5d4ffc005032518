package ai.scailabs.scaivault.devserver.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The one duration syntax of the dev server (contract section 1): {@code 15s}, {@code 30m},
 * {@code 1h}, {@code 48h}, {@code 7d}, {@code 90d} and sums such as {@code 1h30m}. Parsing is
 * strict: units {@code d}, {@code h}, {@code m}, {@code s} in that order, each at most once with
 * 1 to 9 digits (so no sum can overflow), no spaces, signs or fractions, and no bare number in a
 * string. Durations are strings on the wire: a JSON number in a duration field is refused, so a
 * client that sends one learns it here rather than from the real service.
 */
public final class Durations {

	private static final Pattern WHOLE = Pattern
		.compile("(?:(\\d{1,9})d)?(?:(\\d{1,9})h)?(?:(\\d{1,9})m)?(?:(\\d{1,9})s)?");

	private static final String FORMS = "such as 15s, 30m, 1h, 48h, 7d or 1h30m";

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
					+ "' (use forms " + FORMS + ": units d, h, m, s in that order, at most 9 digits each)",
					Map.of("field", field));
		}
		return Duration.ofDays(amount(matcher.group(1)))
			.plusHours(amount(matcher.group(2)))
			.plusMinutes(amount(matcher.group(3)))
			.plusSeconds(amount(matcher.group(4)));
	}

	/**
	 * Parse a duration field's JSON value, which must be a duration string.
	 * @param field the request field, named in the error
	 * @param value the value
	 * @return the duration (zero for {@code "0s"})
	 * @throws ApiException {@code validation_error} naming the field
	 */
	public static Duration parse(String field, JsonNode value) {
		if (value.isString()) {
			return parse(field, value.asString());
		}
		throw ApiException.validation("Field '" + field + "' must be a duration string " + FORMS
				+ (value.isNumber() ? ", not a number (durations are strings in the contract)" : ""),
				Map.of("field", field));
	}

	/**
	 * Parse a positive duration field, or return the fallback when it is absent.
	 * @param field the request field, named in the error
	 * @param value the JSON value, or {@code null} (or JSON null) when absent
	 * @param fallback the duration when absent
	 * @return the positive duration
	 * @throws ApiException {@code validation_error} naming the field when the value is not a
	 * positive duration
	 */
	public static Duration parsePositive(String field, @Nullable JsonNode value, Duration fallback) {
		if (value == null || value.isNull()) {
			return fallback;
		}
		return requirePositive(field, parse(field, value));
	}

	/**
	 * @param field the request field, named in the error
	 * @param duration a parsed duration
	 * @return it, if it is longer than zero
	 * @throws ApiException {@code validation_error} naming the field when it is zero
	 */
	public static Duration requirePositive(String field, Duration duration) {
		if (duration.isZero() || duration.isNegative()) {
			throw ApiException.validation("Field '" + field + "' must be a positive duration " + FORMS,
					Map.of("field", field));
		}
		return duration;
	}

	/**
	 * Parse a comma-separated list of positive durations, such as {@code 7d,1d} (spaces after the
	 * commas are allowed).
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
	 * Format a duration in the contract's form, the largest units first ({@code 1h30m}, {@code 7d}).
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

	private static long amount(@Nullable String group) {
		return (group != null) ? Long.parseLong(group) : 0;
	}

	private static String abbreviate(String text) {
		return (text.length() <= 40) ? text : text.substring(0, 40) + "...";
	}

}
