package ai.scailabs.scaivault.devserver.pki;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ai.scailabs.scaivault.devserver.http.ApiException;

/**
 * Durations as the contract writes them: {@code 15s}, {@code 30m}, {@code 168h}, {@code 90d} and
 * sums such as {@code 1h30m}.
 */
public final class Ttls {

	private static final Pattern WHOLE = Pattern.compile("(\\d{1,9}[smhd])+");

	private static final Pattern PART = Pattern.compile("(\\d{1,9})([smhd])");

	private Ttls() {
	}

	/**
	 * @param text the duration text
	 * @param field the request field it came from, for the error
	 * @return the positive duration
	 * @throws ApiException {@code validation_error} naming the field
	 */
	public static Duration parse(String text, String field) {
		if (!WHOLE.matcher(text).matches()) {
			throw ApiException.validation("Field '" + field + "' must be a duration such as 30m, 168h or 90d, not '"
					+ text + "'", Map.of("field", field));
		}
		Duration total = Duration.ZERO;
		Matcher matcher = PART.matcher(text);
		while (matcher.find()) {
			long amount = Long.parseLong(matcher.group(1));
			total = total.plus(switch (matcher.group(2)) {
				case "s" -> Duration.ofSeconds(amount);
				case "m" -> Duration.ofMinutes(amount);
				case "h" -> Duration.ofHours(amount);
				default -> Duration.ofDays(amount);
			});
		}
		if (total.isZero()) {
			throw ApiException.validation("Field '" + field + "' must be longer than zero", Map.of("field", field));
		}
		return total;
	}

	/**
	 * @param duration a duration
	 * @return it as the contract writes it, in hours when whole hours, else in seconds
	 */
	public static String format(Duration duration) {
		long seconds = duration.getSeconds();
		return (seconds % 3600 == 0) ? (seconds / 3600) + "h" : seconds + "s";
	}

}
