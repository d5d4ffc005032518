package ai.scailabs.scaivault.jdbc;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * Drives a {@link LeaseManager}: calls its {@link LeaseManager#tick()} on one daemon thread at a
 * fixed interval, and runs the work it hands over ({@link #execute(Runnable)}) on the same thread,
 * so that renewals, rotations and revocations never overlap. A tick with nothing due does no I/O.
 */
public final class RenewalScheduler implements AutoCloseable {

	/** Default interval: short enough for leases of a few seconds. */
	public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(250);

	private final ScheduledExecutorService executor;

	private final Duration interval;

	private @Nullable ScheduledFuture<?> ticks;

	/**
	 * Create a scheduler.
	 * @param name the thread name
	 * @param interval the tick interval
	 */
	public RenewalScheduler(String name, Duration interval) {
		this.interval = interval;
		this.executor = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, name);
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * Start ticking the manager.
	 * @param manager the manager
	 */
	synchronized void start(LeaseManager manager) {
		if (this.ticks == null) {
			long millis = Math.max(1, this.interval.toMillis());
			this.ticks = this.executor.scheduleWithFixedDelay(manager::tick, millis, millis, TimeUnit.MILLISECONDS);
		}
	}

	/**
	 * Run work on the scheduler's thread soon.
	 * @param work the work
	 */
	void execute(Runnable work) {
		if (!this.executor.isShutdown()) {
			this.executor.execute(work);
		}
	}

	/** Stop ticking and wait (briefly) for a tick in progress. */
	@Override
	public void close() {
		this.executor.shutdownNow();
		try {
			this.executor.awaitTermination(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
