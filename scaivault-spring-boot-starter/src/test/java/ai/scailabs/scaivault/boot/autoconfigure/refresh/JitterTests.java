package ai.scailabs.scaivault.boot.autoconfigure.refresh;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Jitter}.
 */
class JitterTests {

	private static final Duration PERIOD = Duration.ofMinutes(5);

	@Test
	void firstWhenRandomIsAtEitherEndThenSpansTheWholePeriod() {
		assertThat(new Jitter(fixed(0.0)).first(PERIOD)).isZero();
		assertThat(new Jitter(fixed(0.5)).first(PERIOD)).isEqualTo(Duration.ofSeconds(150));
		assertThat(new Jitter(fixed(Math.nextDown(1.0))).first(PERIOD)).isBetween(PERIOD.minusMillis(1), PERIOD);
	}

	@Test
	void nextWhenRandomIsAtEitherEndThenPeriodPlusOrMinusTenPercent() {
		assertThat(new Jitter(fixed(0.0)).next(PERIOD)).isEqualTo(Duration.ofSeconds(270));
		assertThat(new Jitter(fixed(0.5)).next(PERIOD)).isEqualTo(PERIOD);
		assertThat(new Jitter(fixed(Math.nextDown(1.0))).next(PERIOD)).isBetween(Duration.ofSeconds(330).minusMillis(1),
				Duration.ofSeconds(330));
	}

	@Test
	void firstWhenAFleetStartsTogetherThenPollsSpreadOverThePeriod() {
		SplittableRandom seeds = new SplittableRandom(42);
		int[] fifths = new int[5];
		for (int replica = 0; replica < 100; replica++) {
			Duration first = new Jitter(seeds.split()).first(PERIOD);
			assertThat(first).isBetween(Duration.ZERO, PERIOD);
			fifths[(int) (first.toNanos() * 5 / PERIOD.toNanos())]++;
		}
		// each fifth of the period gets some of the 100 replicas' first polls, none gets them all
		for (int count : fifths) {
			assertThat(count).isBetween(5, 40);
		}
	}

	private static RandomGenerator fixed(double value) {
		return new RandomGenerator() {

			@Override
			public long nextLong() {
				throw new UnsupportedOperationException();
			}

			@Override
			public double nextDouble() {
				return value;
			}

		};
	}

}
