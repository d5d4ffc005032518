package ai.scailabs.scaivault.client;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Waits between retries without blocking a thread: the returned future completes once the delay
 * has passed. The client uses one backed by its own scheduler; tests inject one that records the
 * requested delays and completes at once.
 */
@FunctionalInterface
public interface Delayer {

	/**
	 * Return a future that completes after the given delay.
	 * @param delay how long to wait, never negative
	 * @return a future completed once the delay has passed
	 */
	CompletableFuture<Void> delay(Duration delay);

	/**
	 * Return a delayer that schedules on the given executor.
	 * @param scheduler the scheduler
	 * @return the delayer
	 */
	static Delayer scheduled(ScheduledExecutorService scheduler) {
		return (delay) -> {
			CompletableFuture<Void> future = new CompletableFuture<>();
			if (delay.isZero() || delay.isNegative()) {
				future.complete(null);
				return future;
			}
			scheduler.schedule(() -> future.complete(null), delay.toMillis(), TimeUnit.MILLISECONDS);
			return future;
		};
	}

}
