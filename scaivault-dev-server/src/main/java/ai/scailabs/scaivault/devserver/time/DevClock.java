package ai.scailabs.scaivault.devserver.time;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The dev server's clock: the system time plus an offset that tests move forward with
 * {@link #advance(Duration)} instead of sleeping. Features that act on time (rotation schedules,
 * lease expiry, ACME orders, renewals) register a tick; ticks run on the server's ticker thread
 * about once a second, and synchronously, in the caller's thread, after every {@link #advance}.
 * Ticks never overlap: {@link #tick()} and {@link #advance} hold the same lock, so when
 * {@code advance} returns, every event of its tick and of any tick running when it was called has
 * been published. A tick task must therefore never wait for another thread that calls
 * {@code advance} or {@code tick}.
 */
public final class DevClock {

	private final List<Consumer<Instant>> ticks = new CopyOnWriteArrayList<>();

	private volatile Duration offset = Duration.ZERO;

	/** @return the current time of the dev server */
	public Instant now() {
		return Instant.now().plus(this.offset);
	}

	/**
	 * Move time forward and run every tick at once.
	 * @param amount how far
	 */
	public synchronized void advance(Duration amount) {
		if (amount.isNegative()) {
			throw new IllegalArgumentException("Time only moves forward");
		}
		this.offset = this.offset.plus(amount);
		tick();
	}

	/**
	 * Register a task that runs on every tick with the current time.
	 * @param task the task; it must be quick and must not throw
	 */
	public void onTick(Consumer<Instant> task) {
		this.ticks.add(task);
	}

	/**
	 * Run every tick now, after any tick already running. Called by the server's ticker thread.
	 */
	public synchronized void tick() {
		Instant now = now();
		for (Consumer<Instant> task : this.ticks) {
			try {
				task.accept(now);
			}
			catch (RuntimeException ex) {
				System.getLogger(DevClock.class.getName())
					.log(System.Logger.Level.WARNING, "Dev server tick failed: " + ex.getClass().getName(), ex);
			}
		}
	}

}
