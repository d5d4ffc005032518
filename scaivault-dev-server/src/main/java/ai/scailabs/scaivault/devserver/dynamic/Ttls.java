package ai.scailabs.scaivault.devserver.dynamic;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import ai.scailabs.scaivault.devserver.http.ApiException;

/**
 * Parses and formats the contract's duration strings ({@code 15s}, {@code 30m}, {@code 1h},
 * {@code 7d}, {@code 1h30m}); a JSON number is taken as seconds.
 */
final class Ttls {

	private static final Pattern WHOLE = Pattern.compile("(?:\\d+[dhms])+");

	private static final Pattern PART = Pattern.compile("(\\d+)([dhms])");

	private Ttls() {
	}

	/**
	 * @param field the request field, for the error message
	 * @param value the JSON value, or {@code null} when absent
	 * @param fallback the value when absent
	 * @return the positive duration
	 * @throws ApiException {@code validation_error} when the value is not a positive duration
	 */
	static Duration parse(String field, @Nullable JsonNode value, Duration fallback) {
		if (value == null || value.isNull()) {
			return fallback;
		}
		Duration duration;
		if (value.isIntegralNumber()) {
			duration = Duration.ofSeconds(value.asLong());
		}
		else if (value.isString()) {
			duration = parse(field, value.asString());
		}
		else {
			throw invalid(field);
		}
		if (duration.isZero() || duration.isNegative()) {
			throw ApiException.validation("Field '" + field + "' must be a positive duration such as 30m, 1h or 7d",
					Map.of("field", field));
		}
		return duration;
	}

	static Duration parse(String field, String text) {
		String trimmed = text.trim();
		if (!WHOLE.matcher(trimmed).matches()) {
			throw invalid(field);
		}
		Duration result = Duration.ZERO;
		Matcher matcher = PART.matcher(trimmed);
		try {
			while (matcher.find()) {
				long amount = Long.parseLong(matcher.group(1));
				result = result.plus(switch (matcher.group(2)) {
					case "d" -> Duration.ofDays(amount);
					case "h" -> Duration.ofHours(amount);
					case "m" -> Duration.ofMinutes(amount);
					default -> Duration.ofSeconds(amount);
				});
			}
		}
		catch (ArithmeticException | NumberFormatException ex) {
			throw invalid(field);
		}
		return result;
	}

	/**
	 * @param duration a duration
	 * @return it in the contract's notation, such as {@code 1h30m} or {@code 7d}
	 */
	static String format(Duration duration) {
		long seconds = duration.toSeconds();
		if (seconds == 0) {
			return "0s";
		}
		StringBuilder text = new StringBuilder();
		long[] units = { 86400, 3600, 60, 1 };
		String[] names = { "d", "h", "m", "s" };
		for (int i = 0; i < units.length; i++) {
			if (seconds >= units[i]) {
				text.append(seconds / units[i]).append(names[i]);
				seconds %= units[i];
			}
		}
		return text.toString();
	}

	private static ApiException invalid(String field) {
		return ApiException.validation(
				"Field '" + field + "' must be a duration such as 15s, 30m, 1h, 7d or 1h30m, or a number of seconds",
				Map.of("field", field));
	}

}
