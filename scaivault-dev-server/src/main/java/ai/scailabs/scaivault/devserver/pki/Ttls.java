package ai.scailabs.scaivault.devserver.pki;

import java.time.Duration;

import tools.jackson.databind.JsonNode;

import ai.scailabs.scaivault.devserver.http.ApiException;
import ai.scailabs.scaivault.devserver.http.Durations;

/**
 * PKI lifetimes: parsed with the server's one duration syntax ({@link Durations}: {@code 15s},
 * {@code 30m}, {@code 168h}, {@code 90d}, {@code 1h30m}, or a JSON integer of seconds), written in
 * hours when whole hours as the contract's examples do ({@code 720h}).
 */
public final class Ttls {

	private Ttls() {
	}

	/**
	 * @param text the duration text
	 * @param field the request field it came from, for the error
	 * @return the positive duration
	 * @throws ApiException {@code validation_error} naming the field
	 */
	public static Duration parse(String text, String field) {
		return Durations.requirePositive(field, Durations.parse(field, text));
	}

	/**
	 * @param value the field's JSON value
	 * @param field the request field it came from, for the error
	 * @return the positive duration
	 * @throws ApiException {@code validation_error} naming the field
	 */
	public static Duration parse(JsonNode value, String field) {
		return Durations.requirePositive(field, Durations.parse(field, value));
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
