package ai.scailabs.scaivault.boot.autoconfigure.refresh;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ReplayGuard}.
 */
class ReplayGuardTests {

	private final ReplayGuard guard = new ReplayGuard();

	private final Instant now = Instant.parse("2026-11-22T12:00:00Z");

	@Test
	void firstSeenWhenIdWasAcceptedBeforeThenFalse() {
		assertThat(this.guard.firstSeen("evt_1", this.now, this.now.plusSeconds(600))).isTrue();
		assertThat(this.guard.firstSeen("evt_1", this.now.plusSeconds(1), this.now.plusSeconds(600))).isFalse();
		assertThat(this.guard.firstSeen("evt_2", this.now, this.now.plusSeconds(600))).isTrue();
	}

	@Test
	void firstSeenWhenIdHasExpiredThenForgetsIt() {
		this.guard.firstSeen("evt_1", this.now, this.now.plusSeconds(600));
		assertThat(this.guard.firstSeen("evt_1", this.now.plus(Duration.ofMinutes(11)), this.now.plusSeconds(1200)))
			.isTrue();
	}

	@Test
	void forgetWhenDeliveryCouldNotBeTakenThenTheRetryIsAccepted() {
		this.guard.firstSeen("evt_1", this.now, this.now.plusSeconds(600));
		this.guard.forget("evt_1");
		assertThat(this.guard.firstSeen("evt_1", this.now, this.now.plusSeconds(600))).isTrue();
	}

}
