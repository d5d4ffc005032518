package ai.scailabs.scaivault.client;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Waits between retries. The async client waits without blocking a thread: the future
 * {@link #delay(Duration)} returns completes once the delay has passed. The blocking client waits
 * on the caller's thread with {@link #sleep(Duration)}. The client uses one backed by its own
 * scheduler; tests inject one that records the requested delays and completes at once.
 */
@FunctionalInterface
public interface Delayer {

	/**
	 * Return a future that completes after the given delay. Cancelling the future may cancel the
	 * wait.
	 * @param delay how long to wait, never negative
	 * @return a future completed once the delay has passed
	 */
	CompletableFuture<Void> delay(Duration delay);

	/**
	 * Wait on the calling thread, for the blocking client. The default waits for the future of
	 * {@link #delay(Duration)}.
	 * @param delay how long to wait, never negative
	 * @throws InterruptedException when the thread is interrupted while waiting
	 * @throws ExecutionException when the wait failed
	 */
	default void sleep(Duration delay) throws InterruptedException, ExecutionException {
		delay(delay).get();
	}

	/**
	 * Return a delayer that schedules on the given executor and sleeps the calling thread for
	 * blocking calls. Cancelling a returned future cancels its scheduled task.
	 * @param scheduler the scheduler
	 * @return the delayer
	 */
	static Delayer scheduled(ScheduledExecutorService scheduler) {
		return new Delayer() {

			@Override
			public CompletableFuture<Void> delay(Duration delay) {
				CompletableFuture<Void> future = new CompletableFuture<>();
				if (delay.isZero() || delay.isNegative()) {
					future.complete(null);
					return future;
				}
				ScheduledFuture<?> task = scheduler.schedule(() -> future.complete(null), delay.toMillis(),
						TimeUnit.MILLISECONDS);
				future.whenComplete((ignored, failure) -> {
					if (future.isCancelled()) {
						task.cancel(false);
					}
				});
				return future;
			}

			@Override
			public void sleep(Duration delay) throws InterruptedException {
				if (!delay.isZero() && !delay.isNegative()) {
					Thread.sleep(delay.toMillis());
				}
			}

		};
	}

}
