package ai.scailabs.scaivault.test.db;

import java.util.Locale;

/** The start-up time of an embedded server, as logged. */
final class Elapsed {

	private Elapsed() {
	}

	/**
	 * @param startedNanos {@link System#nanoTime()} at the start
	 * @return the seconds since then, such as {@code 5.2 s}
	 */
	static String since(long startedNanos) {
		return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - startedNanos) / 1e9);
	}

}
