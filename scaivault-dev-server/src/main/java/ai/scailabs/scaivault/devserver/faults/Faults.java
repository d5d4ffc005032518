package ai.scailabs.scaivault.devserver.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * The faults to inject, added by the builder, by tests through
 * {@code server.faults()} or by the {@code /_dev/faults} endpoint. Requests under {@code /_dev/}
 * never fail, so that faults can always be cleared.
 */
public final class Faults {

	private final List<Active> active = new CopyOnWriteArrayList<>();

	private final LongSupplier nanoTime;

	/**
	 * Create an empty set of faults; faults above a rate measure it on {@link System#nanoTime()}.
	 */
	public Faults() {
		this(System::nanoTime);
	}

	Faults(LongSupplier nanoTime) {
		this.nanoTime = nanoTime;
	}

	/**
	 * @param fault the fault to add; its request numbers count from now
	 * @return this
	 */
	public Faults add(Fault fault) {
		this.active.add(new Active(fault, this.nanoTime));
		return this;
	}

	/** Remove every fault. */
	public void clear() {
		this.active.clear();
	}

	/** @return the active faults */
	public List<Fault> list() {
		return this.active.stream().map(Active::fault).toList();
	}

	/**
	 * Decide which faults hit a request. Every fault matching the method and path counts the
	 * request.
	 * @param method the request method
	 * @param path the request path
	 * @return the faults that fire, in the order they were added (empty when none)
	 */
	public List<Fault> decide(String method, String path) {
		if (this.active.isEmpty() || path.startsWith("/_dev/")) {
			return List.of();
		}
		List<Fault> fired = new ArrayList<>(1);
		for (Active candidate : this.active) {
			if (candidate.fault().matches(method, path) && candidate.fires()) {
				fired.add(candidate.fault());
			}
		}
		return fired;
	}

	private static final class Active {

		private final Fault fault;

		private final AtomicInteger count = new AtomicInteger();

		private final Random random = new Random(42);

		private final LongSupplier nanoTime;

		/** Requests still served in the current second ({@code aboveRate}), guarded by this. */
		private double tokens;

		private long refilledAt;

		Active(Fault fault, LongSupplier nanoTime) {
			this.fault = fault;
			this.nanoTime = nanoTime;
			this.tokens = fault.perSecond();
			this.refilledAt = nanoTime.getAsLong();
		}

		Fault fault() {
			return this.fault;
		}

		boolean fires() {
			int n = this.count.incrementAndGet();
			if (this.fault.perSecond() > 0) {
				return !takeToken();
			}
			if (!this.fault.requests().isEmpty()) {
				return this.fault.requests().contains(n);
			}
			if (this.fault.fraction() >= 1) {
				return true;
			}
			synchronized (this.random) {
				return this.random.nextDouble() < this.fault.fraction();
			}
		}

		/**
		 * Token bucket: holds at most one second's worth of requests and refills continuously.
		 * @return whether the request is within the rate
		 */
		private synchronized boolean takeToken() {
			long now = this.nanoTime.getAsLong();
			int perSecond = this.fault.perSecond();
			this.tokens = Math.min(perSecond, this.tokens + (now - this.refilledAt) * perSecond / 1e9);
			this.refilledAt = now;
			if (this.tokens >= 1) {
				this.tokens -= 1;
				return true;
			}
			return false;
		}

	}

}
