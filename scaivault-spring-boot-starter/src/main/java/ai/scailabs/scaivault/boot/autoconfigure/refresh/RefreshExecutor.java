package ai.scailabs.scaivault.boot.autoconfigure.refresh;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

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
	 * Run a task every interval (the first time after one interval).
	 * @param task the task
	 * @param interval the interval
	 */
	void every(Duration interval, Runnable task) {
		this.executor.scheduleWithFixedDelay(() -> run(task), interval.toMillis(), interval.toMillis(),
				TimeUnit.MILLISECONDS);
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

}
