package ai.scailabs.scaivault.devserver.secrets;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * RFC 3339 UTC timestamps, as the contract writes them ({@code 2026-11-22T12:00:00Z}, with
 * milliseconds when they are not zero).
 */
public final class Timestamps {

	private Timestamps() {
	}

	/**
	 * @param instant an instant
	 * @return its RFC 3339 UTC form
	 */
	public static String format(Instant instant) {
		return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
	}

}
