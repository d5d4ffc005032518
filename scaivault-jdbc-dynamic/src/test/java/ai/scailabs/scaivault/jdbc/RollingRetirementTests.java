package ai.scailabs.scaivault.jdbc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import ai.scailabs.scaivault.jdbc.RollingRetirement.Step;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RollingRetirement} on a clock the test moves: how it spreads the replacement of a retired
 * lease's connections, one at a time, and when everything goes at once.
 */
class RollingRetirementTests {

	private final MovableClock clock = new MovableClock();

	private final RollingRetirement retirement = new RollingRetirement(this.clock);

	@Test
	void nextWhenNothingRetiredThenDoesNothingAndBorrowersCloseRetiredConnections() {
		assertThat(this.retirement.next(0, false)).isEqualTo(Step.NONE);
		assertThat(this.retirement.deadline()).isNull();
		assertThat(this.retirement.mustClose()).isTrue();
	}

	@Test
	void nextWhenRetiringThenOneConnectionPerStepSpreadBeforeDeadline() {
		Instant start = this.clock.instant();
		this.retirement.retire(start.plusSeconds(9), start.plusSeconds(12));
		int open = 8;
		int steps = 0;
		Instant lastStep = null;
		// the clock moves 100 ms at a time; each step closes one connection, refilled by the next look
		while (this.clock.instant().isBefore(start.plusSeconds(9)) && open > 0) {
			Step step = this.retirement.next(open, false);
			assertThat(step).isIn(Step.NONE, Step.ONE);
			if (step == Step.ONE) {
				steps++;
				open--;
				if (lastStep != null) {
					assertThat(Duration.between(lastStep, this.clock.instant())).isGreaterThanOrEqualTo(Duration.ofMillis(900));
				}
				lastStep = this.clock.instant();
			}
			this.clock.advance(Duration.ofMillis(100));
		}
		assertThat(steps).isEqualTo(8);
		assertThat(lastStep).isBefore(start.plusSeconds(9));
		assertThat(this.retirement.next(0, false)).isEqualTo(Step.NONE);
		assertThat(this.retirement.deadline()).isNull();
	}

	@Test
	void nextWhenPoolIsStillRefillingThenWaitsForIt() {
		this.retirement.retire(this.clock.instant().plusSeconds(9), this.clock.instant().plusSeconds(12));
		this.clock.advance(Duration.ofSeconds(2));
		assertThat(this.retirement.next(8, true)).isEqualTo(Step.NONE);
		assertThat(this.retirement.next(8, false)).isEqualTo(Step.ONE);
		assertThat(this.retirement.next(7, true)).isEqualTo(Step.NONE);
	}

	@Test
	void mustCloseWhenTurnGrantedThenOnlyOneBorrowerCloses() {
		this.retirement.retire(this.clock.instant().plusSeconds(9), this.clock.instant().plusSeconds(12));
		assertThat(this.retirement.mustClose()).isFalse();
		this.retirement.grantTurn();
		this.retirement.grantTurn();
		assertThat(this.retirement.turnPending()).isTrue();
		assertThat(this.retirement.mustClose()).isTrue();
		assertThat(this.retirement.turnPending()).isFalse();
		assertThat(this.retirement.mustClose()).isFalse();
		assertThat(this.retirement.takeTurn()).isFalse();
	}

	@Test
	void takeTurnWhenRetirerAndBorrowerRaceThenOnlyOneGetsIt() {
		this.retirement.retire(this.clock.instant().plusSeconds(9), this.clock.instant().plusSeconds(12));
		this.retirement.grantTurn();
		assertThat(this.retirement.takeTurn()).isTrue();
		assertThat(this.retirement.mustClose()).isFalse();
	}

	@Test
	void nextWhenSpreadTimePassedThenOneAtATimeAsSoonAsPoolHasRefilled() {
		this.retirement.retire(this.clock.instant().plusSeconds(1), this.clock.instant().plusSeconds(5));
		this.clock.advance(Duration.ofMillis(1500));
		assertThat(this.retirement.next(8, false)).isEqualTo(Step.ONE);
		assertThat(this.retirement.next(7, true)).isEqualTo(Step.NONE);
		assertThat(this.retirement.next(7, false)).isEqualTo(Step.ONE);
		assertThat(this.retirement.mustClose()).isFalse();
	}

	@Test
	void nextWhenDeadlinePassedThenClosesAllAndBorrowersCloseEveryRetiredConnection() {
		this.retirement.retire(this.clock.instant().plusSeconds(1), this.clock.instant().plusSeconds(2));
		this.clock.advance(Duration.ofSeconds(2));
		assertThat(this.retirement.next(5, true)).isEqualTo(Step.ALL);
		assertThat(this.retirement.mustClose()).isTrue();
		assertThat(this.retirement.mustClose()).isTrue();
	}

	@Test
	void retireWhenAtOnceThenEvictsEverythingOnce() {
		this.retirement.retire(this.clock.instant(), this.clock.instant());
		assertThat(this.retirement.mustClose()).isTrue();
		assertThat(this.retirement.next(8, false)).isEqualTo(Step.AT_ONCE);
		assertThat(this.retirement.next(3, false)).isEqualTo(Step.ALL);
	}

	@Test
	void retireWhenRetirementGoingOnThenEarlierDeadlineWins() {
		Instant now = this.clock.instant();
		this.retirement.retire(now.plusSeconds(5), now.plusSeconds(7));
		this.retirement.retire(now.plusSeconds(8), now.plusSeconds(10));
		assertThat(this.retirement.deadline()).isEqualTo(now.plusSeconds(7));
		this.retirement.retire(now, now);
		assertThat(this.retirement.deadline()).isEqualTo(now);
		assertThat(this.retirement.next(8, false)).isEqualTo(Step.AT_ONCE);
	}

	/** A clock that moves only when told. */
	private static final class MovableClock extends Clock {

		private Instant now = Instant.parse("2026-12-02T06:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

	}

}
