package ai.scailabs.scaivault.jdbc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;

/**
 * Paces the replacement of a pool's connections of retired leases: one at a time, spread evenly
 * until the time the {@link LeaseManager} gave, never while the pool is still refilling after the
 * previous one; past that time one at a time as fast as the pool refills, and all that are left
 * once the manager's deadline has passed. A turn is taken by the next borrower that gets a
 * connection of a retired lease ({@link #mustClose()}), or by the pool's retirer for an idle one;
 * without a turn, a borrower uses the old lease's connection, whose account stays valid until the
 * old lease ends, after the deadline.
 */
final class RollingRetirement {

	/** What {@link #next(int, boolean)} asks the pool to do. */
	enum Step {

		/** Nothing now. */
		NONE,

		/** Replace one connection of a retired lease. */
		ONE,

		/** Close every connection of the retired leases: the deadline has passed. */
		ALL,

		/** Close every connection of the retired leases at once: idle ones now, busy ones when returned. */
		AT_ONCE

	}

	private final Clock clock;

	private final AtomicBoolean turn = new AtomicBoolean();

	private volatile @Nullable Instant spreadUntil;

	private volatile @Nullable Instant deadline;

	private @Nullable Instant lastStep;

	private boolean atOncePending;

	RollingRetirement(Clock clock) {
		this.clock = clock;
	}

	/**
	 * A rotation: replace the retired leases' connections one at a time until {@code spreadUntil},
	 * all by {@code closeBy} (the earlier times win when a retirement is still going on).
	 * @param spreadUntil until when to spread the replacements
	 * @param closeBy the deadline, the current instant or earlier for at once
	 */
	synchronized void retire(Instant spreadUntil, Instant closeBy) {
		Instant now = this.clock.instant();
		this.spreadUntil = earlier(this.spreadUntil, spreadUntil);
		Instant next = earlier(this.deadline, closeBy);
		this.deadline = next;
		if (!now.isBefore(next)) {
			this.atOncePending = true;
		}
		if (this.lastStep == null) {
			this.lastStep = now;
		}
	}

	/**
	 * Decide what to do now; called on the scheduler's thread.
	 * @param retiredConnections how many connections of retired leases are open
	 * @param refilling whether the pool is still opening connections to replace closed ones
	 * @return the step
	 */
	synchronized Step next(int retiredConnections, boolean refilling) {
		Instant deadline = this.deadline;
		if (deadline == null) {
			return Step.NONE;
		}
		if (this.atOncePending) {
			this.atOncePending = false;
			return Step.AT_ONCE;
		}
		if (retiredConnections == 0) {
			this.deadline = null;
			this.spreadUntil = null;
			this.lastStep = null;
			this.turn.set(false);
			return Step.NONE;
		}
		Instant now = this.clock.instant();
		if (!now.isBefore(deadline)) {
			return Step.ALL;
		}
		if (refilling) {
			return Step.NONE;
		}
		Instant spreadUntil = (this.spreadUntil != null) ? this.spreadUntil : deadline;
		Instant last = (this.lastStep != null) ? this.lastStep : now;
		// the rest of the window shared evenly by the connections left, the last one well before its end;
		// past it (the pool refilled slower than planned), one as soon as the previous one is replaced
		Instant due = now.isBefore(spreadUntil)
				? last.plus(Duration.between(last, spreadUntil).dividedBy(retiredConnections + 1L)) : now;
		if (now.isBefore(due)) {
			return Step.NONE;
		}
		this.lastStep = now;
		return Step.ONE;
	}

	/**
	 * After {@link Step#ONE}: one connection of a retired lease may be closed now, by whoever
	 * {@link #takeTurn() takes the turn} first (the pool's retirer, for an idle connection, or a
	 * borrower). There is one turn at most, however many steps pass before it is taken.
	 */
	void grantTurn() {
		this.turn.set(true);
	}

	/** @return whether a turn was granted and no one has taken it yet */
	boolean turnPending() {
		return this.turn.get();
	}

	/**
	 * @return whether the caller got the turn and closes a connection of a retired lease
	 */
	boolean takeTurn() {
		return this.turn.compareAndSet(true, false);
	}

	/**
	 * Whether a borrower that got a connection of a retired lease must close it (and borrow another)
	 * rather than use it: once the deadline has passed, or when it is that connection's turn, which
	 * this takes.
	 * @return whether to close it
	 */
	boolean mustClose() {
		Instant deadline = this.deadline;
		if (deadline == null || !this.clock.instant().isBefore(deadline)) {
			return true;
		}
		return takeTurn();
	}

	private static Instant earlier(@Nullable Instant current, Instant next) {
		return (current != null && current.isBefore(next)) ? current : next;
	}

	/** @return the deadline of the retirement going on, or {@code null} when none is */
	@Nullable Instant deadline() {
		return this.deadline;
	}

}
