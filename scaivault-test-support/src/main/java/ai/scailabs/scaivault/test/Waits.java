package ai.scailabs.scaivault.test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Polling with a deadline, for conditions that no latch signals: a regression fails the test with
 * what it waited for instead of hanging the build.
 */
public final class Waits {

	/** How long a condition may take before the test fails, unless a test names its own. */
	public static final Duration DEADLINE = Duration.ofMinutes(1);

	/** Pause between two checks: short enough to notice at once, long enough to leave the CPU. */
	private static final long PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

	private Waits() {
	}

	/**
	 * Wait until the condition holds, at most {@link #DEADLINE}.
	 * @param condition the condition
	 * @param what what is waited for, for the failure message
	 */
	public static void until(BooleanSupplier condition, String what) {
		until(condition, what, DEADLINE);
	}

	/**
	 * Wait until the condition holds.
	 * @param condition the condition
	 * @param what what is waited for, for the failure message
	 * @param timeout how long it may take
	 * @throws AssertionError if it does not hold within the timeout, or the thread is interrupted
	 */
	public static void until(BooleanSupplier condition, String what, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() - deadline > 0) {
				throw new AssertionError("Waited " + timeout.toSeconds() + " s for " + what);
			}
			if (Thread.currentThread().isInterrupted()) {
				throw new AssertionError("Interrupted while waiting for " + what);
			}
			LockSupport.parkNanos(PAUSE_NANOS);
		}
	}

}
