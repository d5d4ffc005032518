package ai.scailabs.scaivault.devserver.time;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import ai.scailabs.scaivault.test.Waits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests of {@link DevClock}.
 */
class DevClockTests {

	@Test
	void advanceMovesNowAndRunsTicks() {
		DevClock clock = new DevClock();
		AtomicInteger ticks = new AtomicInteger();
		clock.onTick((now) -> ticks.incrementAndGet());
		Instant before = clock.now();
		clock.advance(Duration.ofDays(3));
		assertThat(clock.now()).isAfterOrEqualTo(before.plus(Duration.ofDays(3)));
		assertThat(ticks).hasValue(1);
	}

	@Test
	void advanceBackwardsThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> new DevClock().advance(Duration.ofSeconds(-1)));
	}

	@Test
	void advanceWaitsForATickRunningOnAnotherThread() throws Exception {
		DevClock clock = new DevClock();
		AtomicInteger active = new AtomicInteger();
		AtomicInteger maxActive = new AtomicInteger();
		AtomicInteger calls = new AtomicInteger();
		CountDownLatch entered = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		clock.onTick((now) -> {
			maxActive.accumulateAndGet(active.incrementAndGet(), Math::max);
			if (calls.incrementAndGet() == 1) {
				entered.countDown();
				awaitQuietly(release);
			}
			active.decrementAndGet();
		});
		Thread ticker = new Thread(clock::tick, "ticker");
		ticker.start();
		assertThat(entered.await(1, TimeUnit.MINUTES)).isTrue();
		Thread advancer = new Thread(() -> clock.advance(Duration.ofMinutes(1)), "advancer");
		advancer.start();
		Waits.until(() -> !advancer.isAlive() || advancer.getState() == Thread.State.BLOCKED,
				"the advancer to block on the running tick");
		release.countDown();
		ticker.join(Waits.DEADLINE.toMillis());
		advancer.join(Waits.DEADLINE.toMillis());
		assertThat(ticker.isAlive() || advancer.isAlive()).as("a thread still running").isFalse();
		assertThat(calls).hasValue(2);
		assertThat(maxActive).hasValue(1);
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(1, TimeUnit.MINUTES);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
