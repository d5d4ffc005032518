package ai.scailabs.scaivault.devserver.secrets;

import java.time.Duration;
import java.util.List;

import ai.scailabs.scaivault.devserver.http.ApiException;

/**
 * The contract's duration strings for the secrets and rotation routes; the syntax is the
 * server's one duration syntax, {@link ai.scailabs.scaivault.devserver.http.Durations}.
 */
public final class Durations {

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
		return ai.scailabs.scaivault.devserver.http.Durations.parse(field, text);
	}

	/**
	 * Parse a comma-separated list of durations, such as {@code 7d,1d}.
	 * @param field the request field, named in the error
	 * @param text the text
	 * @return the durations in the given order
	 */
	public static List<Duration> parseList(String field, String text) {
		return ai.scailabs.scaivault.devserver.http.Durations.parseList(field, text);
	}

	/**
	 * Format a duration in the contract's form, the largest units first ({@code 1h30m}).
	 * @param duration the duration
	 * @return the text ({@code 0s} for zero)
	 */
	public static String format(Duration duration) {
		return ai.scailabs.scaivault.devserver.http.Durations.format(duration);
	}

}
