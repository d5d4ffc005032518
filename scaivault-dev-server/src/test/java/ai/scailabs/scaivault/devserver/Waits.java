package ai.scailabs.scaivault.devserver;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.fail;

/**
 * Polling with a deadline, for conditions that no latch signals: a regression fails the test with
 * what it waited for instead of hanging the build.
 */
public final class Waits {

	/** How long a condition may take before the test fails. */
	public static final Duration DEADLINE = Duration.ofMinutes(1);

	private Waits() {
	}

	/**
	 * Wait until the condition holds.
	 * @param condition the condition
	 * @param what what is waited for, for the failure message
	 */
	public static void until(BooleanSupplier condition, String what) {
		long deadline = System.nanoTime() + DEADLINE.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() - deadline > 0) {
				fail("Waited " + DEADLINE.toSeconds() + " s for " + what);
			}
			if (Thread.currentThread().isInterrupted()) {
				fail("Interrupted while waiting for " + what);
			}
			Thread.onSpinWait();
		}
	}

}
