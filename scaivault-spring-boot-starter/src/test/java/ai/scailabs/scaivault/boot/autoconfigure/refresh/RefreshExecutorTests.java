package ai.scailabs.scaivault.boot.autoconfigure.refresh;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RefreshExecutor}.
 */
class RefreshExecutorTests {

	@Test
	void everyWhenRunThenAsksForEachNextDelayAnew() throws InterruptedException {
		List<Duration> asked = new CopyOnWriteArrayList<>();
		CountDownLatch threeRuns = new CountDownLatch(3);
		try (RefreshExecutor executor = new RefreshExecutor()) {
			RefreshExecutor.Repeating repeating = executor.every(Duration.ZERO, () -> {
				Duration next = Duration.ofNanos(asked.size());
				asked.add(next);
				return next;
			}, threeRuns::countDown);
			assertThat(threeRuns.await(10, TimeUnit.SECONDS)).isTrue();
			repeating.cancel();
			assertThat(asked).hasSizeGreaterThanOrEqualTo(2).startsWith(Duration.ZERO, Duration.ofNanos(1));
		}
	}

	@Test
	void everyWhenCancelledThenRunsNoMore() throws InterruptedException {
		AtomicInteger runs = new AtomicInteger();
		CountDownLatch ran = new CountDownLatch(1);
		try (RefreshExecutor executor = new RefreshExecutor()) {
			RefreshExecutor.Repeating repeating = executor.every(Duration.ZERO, () -> Duration.ZERO, () -> {
				runs.incrementAndGet();
				ran.countDown();
			});
			assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
			repeating.cancel();
			// the one thread runs in order: once this task ran, no run of the cancelled one is under way
			int afterCancel = awaitQuiet(executor, runs);
			assertThat(awaitQuiet(executor, runs)).isEqualTo(afterCancel);
		}
	}

	@Test
	void everyWhenTheTaskFailsThenRunsAgain() throws InterruptedException {
		CountDownLatch twoRuns = new CountDownLatch(2);
		try (RefreshExecutor executor = new RefreshExecutor()) {
			RefreshExecutor.Repeating repeating = executor.every(Duration.ZERO, () -> Duration.ZERO, () -> {
				twoRuns.countDown();
				throw new IllegalStateException("boom");
			});
			assertThat(twoRuns.await(10, TimeUnit.SECONDS)).isTrue();
			repeating.cancel();
		}
	}

	private static int awaitQuiet(RefreshExecutor executor, AtomicInteger runs) throws InterruptedException {
		CountDownLatch done = new CountDownLatch(1);
		assertThat(executor.submit(done::countDown)).isTrue();
		assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
		return runs.get();
	}

}
