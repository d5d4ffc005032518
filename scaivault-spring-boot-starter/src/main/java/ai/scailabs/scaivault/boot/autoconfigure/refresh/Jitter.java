package ai.scailabs.scaivault.boot.autoconfigure.refresh;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Spreads a periodic task of many replicas over time, so that a fleet started together does not
 * call ScaiVault in lock-step: the first run comes at a uniformly random point within one period,
 * each next one after the period plus or minus {@value #SPREAD_PERCENT}%.
 *
 * @author ScaiLabs
 */
final class Jitter {

	static final int SPREAD_PERCENT = 10;

	private final RandomGenerator random;

	/**
	 * Create a jitter.
	 * @param random the random source (tests pass a fixed one)
	 */
	Jitter(RandomGenerator random) {
		this.random = random;
	}

	/**
	 * Return the delay before the first run.
	 * @param period the period
	 * @return a delay in {@code [0, period]}
	 */
	Duration first(Duration period) {
		return scale(period, this.random.nextDouble());
	}

	/**
	 * Return the delay before each next run.
	 * @param period the period
	 * @return a delay in {@code [0.9 period, 1.1 period)}
	 */
	Duration next(Duration period) {
		double spread = SPREAD_PERCENT / 100.0;
		return scale(period, 1 - spread + 2 * spread * this.random.nextDouble());
	}

	private static Duration scale(Duration period, double factor) {
		return Duration.ofNanos(Math.round(period.toNanos() * factor));
	}

}
