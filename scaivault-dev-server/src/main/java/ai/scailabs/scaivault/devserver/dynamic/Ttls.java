package ai.scailabs.scaivault.devserver.dynamic;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import ai.scailabs.scaivault.devserver.http.ApiException;
import ai.scailabs.scaivault.devserver.http.Durations;

/**
 * Dynamic-secret lifetimes, in the server's one duration syntax ({@link Durations}: {@code 15s},
 * {@code 30m}, {@code 1h}, {@code 7d}, {@code 1h30m}, or a JSON integer of seconds).
 */
final class Ttls {

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
		return Durations.parsePositive(field, value, fallback);
	}

	/**
	 * @param field the request field, for the error message
	 * @param text the duration text
	 * @return the duration
	 * @throws ApiException {@code validation_error} when the text is not a duration
	 */
	static Duration parse(String field, String text) {
		return Durations.parse(field, text);
	}

	/**
	 * @param duration a duration
	 * @return it in the contract's notation, such as {@code 1h30m} or {@code 7d}
	 */
	static String format(Duration duration) {
		return Durations.format(duration);
	}

}
