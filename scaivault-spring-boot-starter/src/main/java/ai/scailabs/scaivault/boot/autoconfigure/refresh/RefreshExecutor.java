package ai.scailabs.scaivault.boot.autoconfigure.refresh;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The one thread that live rotation works on (named {@code scaivault-refresh}): webhook events and
 * polls run one after the other, never on a request thread. At most {@value #MAX_PENDING} events
 * wait; beyond that the webhook answers {@code 503} and ScaiVault retries later.
 *
 * @author ScaiLabs
 */
final class RefreshExecutor implements AutoCloseable {

	static final int MAX_PENDING = 1000;

	private static final Log logger = LogFactory.getLog(RefreshExecutor.class);

	private final ScheduledThreadPoolExecutor executor;

	private final AtomicInteger pending = new AtomicInteger();

	RefreshExecutor() {
		this.executor = new ScheduledThreadPoolExecutor(1, (runnable) -> {
			Thread thread = new Thread(runnable, "scaivault-refresh");
			thread.setDaemon(true);
			return thread;
		});
		this.executor.setRemoveOnCancelPolicy(true);
	}

	/**
	 * Run a task on the refresh thread, unless too many are waiting.
	 * @param task the task
	 * @return {@code false} if it was not taken
	 */
	boolean submit(Runnable task) {
		if (this.pending.incrementAndGet() > MAX_PENDING) {
			this.pending.decrementAndGet();
			return false;
		}
		try {
			this.executor.execute(() -> {
				try {
					run(task);
				}
				finally {
					this.pending.decrementAndGet();
				}
			});
			return true;
		}
		catch (RejectedExecutionException ex) {
			this.pending.decrementAndGet();
			return false;
		}
	}

	/**
	 * Run a task again and again, each delay chosen anew (so that it can be jittered).
	 * @param first the delay before the first run
	 * @param next the delay after each run before the next
	 * @param task the task
	 * @return what cancels the runs not yet started
	 */
	Repeating every(Duration first, Supplier<Duration> next, Runnable task) {
		Repeating repeating = new Repeating(task, next);
		repeating.scheduleIn(first);
		return repeating;
	}

	private static void run(Runnable task) {
		try {
			task.run();
		}
		catch (RuntimeException ex) {
			// no message: it could hold a value; the type and stack trace say where
			logger.error("ScaiVault refresh task failed: " + ex.getClass().getName());
		}
	}

	@Override
	public void close() {
		this.executor.shutdownNow();
	}

	/**
	 * A task that runs, then schedules its next run, until cancelled.
	 */
	final class Repeating {

		private final Runnable task;

		private final Supplier<Duration> next;

		private volatile boolean cancelled;

		private volatile @Nullable ScheduledFuture<?> scheduled;

		private Repeating(Runnable task, Supplier<Duration> next) {
			this.task = task;
			this.next = next;
		}

		private void scheduleIn(Duration delay) {
			if (this.cancelled) {
				return;
			}
			try {
				this.scheduled = RefreshExecutor.this.executor.schedule(this::runThenReschedule,
						Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
			}
			catch (RejectedExecutionException ex) {
				// shut down
			}
		}

		private void runThenReschedule() {
			if (this.cancelled) {
				return;
			}
			try {
				run(this.task);
			}
			finally {
				scheduleIn(this.next.get());
			}
		}

		/**
		 * Stop: a run under way finishes, no other starts.
		 */
		void cancel() {
			this.cancelled = true;
			ScheduledFuture<?> scheduled = this.scheduled;
			if (scheduled != null) {
				scheduled.cancel(false);
			}
		}

	}

}
