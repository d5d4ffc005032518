package ai.scailabs.scaivault.jdbc;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import com.zaxxer.hikari.HikariCredentialsProvider;
import com.zaxxer.hikari.util.Credentials;
import org.jspecify.annotations.Nullable;

import ai.scailabs.scaivault.client.NotFoundException;
import ai.scailabs.scaivault.client.ScaiVaultException;
import ai.scailabs.scaivault.client.dynamic.DynamicOperations;
import ai.scailabs.scaivault.client.dynamic.Lease;
import ai.scailabs.scaivault.client.dynamic.LeaseRenewal;

/**
 * Holds the lease of one engine and role for a pool: takes it, renews it while it is renewable
 * (after {@link LeasePolicy#renewAt()} of its term, never past the role's {@code max_ttl}), and once
 * it can no longer be extended replaces it (after {@link LeasePolicy#rotateAt()} of its term) with a
 * new one. The pool asks for the current credentials on every new physical connection
 * ({@link HikariCredentialsProvider}); on a rotation the manager tells the pool by when the old
 * lease's connections must be closed ({@link #onRotation(ConnectionRetirer)}: within
 * {@link LeasePolicy#retireWithin()} of the old lease's remaining life, or at once when it was
 * revoked or has ended) and revokes the old lease once none of its connections is open, or when it
 * ends.
 *
 * <p>When ScaiVault cannot be reached it keeps the lease and tries again with backoff
 * ({@link LeaseStatus.State#RETRYING}, then {@link LeaseStatus.State#EXPIRING} near the end). A
 * lease revoked underneath ({@link #leaseRevoked(String)}, a renewal answering {@code not_found},
 * or a login refused for its credentials) is replaced at once.
 *
 * <p>All work runs on the {@link RenewalScheduler}'s thread, except a replacement after a refused
 * login, which runs in the pool's thread that opens the connection; rotations are serialized.
 */
public final class LeaseManager implements HikariCredentialsProvider, AutoCloseable {

	private static final System.Logger logger = System.getLogger(LeaseManager.class.getName());

	private final DynamicOperations dynamic;

	private final LeasePolicy policy;

	private final LeaseEventPublisher events;

	private final RenewalScheduler scheduler;

	private final Clock clock;

	private final Object rotationLock = new Object();

	private final Map<String, Term> retired = new ConcurrentHashMap<>();

	/** Lease id by database user, for the current and the retired leases. */
	private final Map<String, String> leaseByUsername = new ConcurrentHashMap<>();

	private final LeasedConnections connections = new LeasedConnections();

	private volatile @Nullable Term current;

	private volatile ConnectionRetirer retirer = new ConnectionRetirer() {

		@Override
		public void retire(Instant spreadUntil, Instant closeBy) {
		}

		@Override
		public void step() {
		}

	};

	private volatile @Nullable String rotationRequested;

	private volatile int failures;

	private volatile @Nullable String lastError;

	private volatile Instant nextAttempt = Instant.MIN;

	private volatile Instant lastLoginFailureRotation = Instant.MIN;

	private volatile boolean expiredAnnounced;

	/** How long the last generation took: a rotation starts at least three times that before the end. */
	private volatile Duration generationTime = Duration.ZERO;

	private volatile boolean closed;

	/**
	 * Create a manager; {@link #start()} takes the first lease.
	 * @param dynamic the client's dynamic secrets, such as {@code client.dynamic()}
	 * @param policy what to lease and when to act
	 * @param events where lease events go
	 * @param scheduler the thread that drives the manager
	 * @param clock the clock
	 */
	public LeaseManager(DynamicOperations dynamic, LeasePolicy policy, LeaseEventPublisher events,
			RenewalScheduler scheduler, Clock clock) {
		this.dynamic = Objects.requireNonNull(dynamic, "dynamic must not be null");
		this.policy = Objects.requireNonNull(policy, "policy must not be null");
		this.events = Objects.requireNonNull(events, "events must not be null");
		this.scheduler = Objects.requireNonNull(scheduler, "scheduler must not be null");
		this.clock = Objects.requireNonNull(clock, "clock must not be null");
	}

	/**
	 * Take the first lease and start renewing it. Does nothing when already started.
	 * @throws DynamicCredentialsException when no lease can be taken (unknown engine or role, access
	 * denied, ScaiVault unreachable)
	 */
	public void start() {
		synchronized (this.rotationLock) {
			if (this.current == null) {
				try {
					rotate("start");
				}
				catch (ScaiVaultException ex) {
					throw new DynamicCredentialsException(this.policy.engine(), this.policy.role(), ex);
				}
			}
		}
		this.scheduler.start(this);
	}

	/**
	 * Tell the manager who closes the pool's connections of the old leases after a rotation.
	 * @param retirer the pool's retirer, such as a {@link LeasedDataSource}'s
	 */
	public void onRotation(ConnectionRetirer retirer) {
		this.retirer = Objects.requireNonNull(retirer, "retirer must not be null");
	}

	/** @return the policy */
	public LeasePolicy policy() {
		return this.policy;
	}

	/** @return the clock */
	Clock clock() {
		return this.clock;
	}

	/** @return the event publisher */
	public LeaseEventPublisher events() {
		return this.events;
	}

	/**
	 * Return the credentials of the current lease: asked by the pool for every new connection.
	 * @return the user name and password
	 * @throws IllegalStateException before {@link #start()} or after {@link #close()}
	 */
	@Override
	public Credentials getCredentials() {
		return credentials(requireCurrent());
	}

	/**
	 * Return the JDBC URL of the database, as the current lease gives it.
	 * @return the URL, without credentials
	 * @throws IllegalStateException when the lease has no {@code connection_url}
	 */
	public String connectionUrl() {
		String url = requireCurrent().lease().connectionUrl();
		if (url == null || url.isBlank()) {
			throw new IllegalStateException("The lease of role '" + this.policy.role() + "' on engine '"
					+ this.policy.engine() + "' has no connection_url: set the JDBC URL yourself");
		}
		return url;
	}

	/** @return a snapshot of the manager, without any password */
	public LeaseStatus status() {
		Term term = this.current;
		LeaseStatus.State state;
		Instant now = this.clock.instant();
		if (this.closed) {
			state = LeaseStatus.State.CLOSED;
		}
		else if (term == null) {
			state = LeaseStatus.State.STARTING;
		}
		else if (!now.isBefore(term.end())) {
			state = LeaseStatus.State.EXPIRED;
		}
		else if (this.failures > 0) {
			state = now.isBefore(term.rotateAt(this.policy, this.generationTime)) ? LeaseStatus.State.RETRYING : LeaseStatus.State.EXPIRING;
		}
		else {
			state = LeaseStatus.State.ACTIVE;
		}
		return new LeaseStatus(state, this.policy.engine(), this.policy.role(),
				(term != null) ? term.lease().leaseId() : null, (term != null) ? term.lease().username() : null,
				(term != null) ? term.end() : null, term != null && term.extendable(), this.retired.size(),
				this.lastError);
	}

	/**
	 * Replace the lease at once if it is the current one (a {@code lease.revoked} event, or a revoke
	 * through the API): the work runs on the scheduler's thread.
	 * @param leaseId the revoked lease
	 */
	public void leaseRevoked(String leaseId) {
		Term term = this.current;
		if (term != null && term.lease().leaseId().equals(leaseId)) {
			requestRotation("revoked");
		}
	}

	/**
	 * Replace the lease at once, whatever its state, on the scheduler's thread.
	 * @param reason the reason the {@link LeaseEvent.Rotated} event gives
	 */
	public void requestRotation(String reason) {
		this.rotationRequested = reason;
		this.nextAttempt = Instant.MIN;
		this.scheduler.execute(this::tick);
	}

	/**
	 * One step: renew, rotate or revoke what is due. Called by the {@link RenewalScheduler}.
	 */
	void tick() {
		if (this.closed) {
			return;
		}
		Instant now = this.clock.instant();
		try {
			maintainCurrent(now);
		}
		catch (RuntimeException ex) {
			logger.log(System.Logger.Level.WARNING, "Lease maintenance failed: " + ex.getClass().getName());
		}
		try {
			this.retirer.step();
		}
		catch (RuntimeException ex) {
			logger.log(System.Logger.Level.WARNING, "Retiring connections failed: " + ex.getClass().getName());
		}
		try {
			revokeRetired(this.clock.instant());
		}
		catch (RuntimeException ex) {
			logger.log(System.Logger.Level.WARNING, "Revoking retired leases failed: " + ex.getClass().getName());
		}
	}

	private void maintainCurrent(Instant now) {
		Term term = this.current;
		if (term == null || now.isBefore(this.nextAttempt)) {
			return;
		}
		if (!now.isBefore(term.end()) && !this.expiredAnnounced) {
			this.expiredAnnounced = true;
			this.events.publish(new LeaseEvent.Expired(this.policy.engine(), this.policy.role(),
					term.lease().leaseId(), term.end()));
		}
		String requested = this.rotationRequested;
		String operation = "generate";
		try {
			if (requested != null) {
				rotate(requested);
				this.rotationRequested = null;
			}
			else if (term.extendable() && !now.isBefore(term.renewAt(this.policy))) {
				operation = "renew";
				renew(term, now);
			}
			else if (!now.isBefore(term.rotateAt(this.policy, this.generationTime))) {
				rotate(now.isBefore(term.end()) ? "expiring" : "expired");
			}
			else {
				return;
			}
			this.failures = 0;
			this.lastError = null;
			this.nextAttempt = Instant.MIN;
		}
		catch (NotFoundException ex) {
			if ("renew".equals(operation)) {
				// revoked or ended underneath: replace it now
				requestRotation("revoked");
			}
			else {
				failed(term, operation, ex, now);
			}
		}
		catch (ScaiVaultException ex) {
			failed(term, operation, ex, now);
		}
	}

	private void failed(Term term, String operation, ScaiVaultException ex, Instant now) {
		int attempt = ++this.failures;
		this.lastError = ex.getCode();
		Duration backoff = this.policy.initialBackoff().multipliedBy(1L << Math.min(attempt - 1, 20));
		if (backoff.compareTo(this.policy.maxBackoff()) > 0) {
			backoff = this.policy.maxBackoff();
		}
		Instant retryAt = now.plus(backoff);
		this.nextAttempt = retryAt;
		this.events.publish(new LeaseEvent.Failed(this.policy.engine(), this.policy.role(), term.lease().leaseId(),
				operation, ex.getCode(), attempt, retryAt));
	}

	private void renew(Term term, Instant now) {
		Duration increment = (this.policy.ttl() != null) ? this.policy.ttl() : term.lease().leaseDuration();
		LeaseRenewal renewal = this.dynamic.renewLease(term.lease().leaseId(), increment);
		Instant end = end(now, renewal.leaseDuration(), renewal.expiresAt(), term.end());
		boolean extended = end.isAfter(term.end());
		// capped by max_ttl (or not moved): no further renewal will help, rotate before it ends
		boolean extendable = extended && (increment == null
				|| !Duration.between(now, end).plusSeconds(1).minus(increment).isNegative());
		synchronized (this.rotationLock) {
			if (this.current == term) {
				this.current = new Term(term.lease(), now, end, extendable);
			}
		}
		this.expiredAnnounced = false;
		this.events.publish(new LeaseEvent.Renewed(this.policy.engine(), this.policy.role(), term.lease().leaseId(),
				end));
	}

	/**
	 * Take a new lease, make it current, retire the old one and tell the pool by when the old one's
	 * connections must be closed.
	 * @param reason why
	 * @return the new term
	 */
	private Term rotate(String reason) {
		Term next;
		Term previous;
		synchronized (this.rotationLock) {
			if (this.closed) {
				throw new IllegalStateException("The lease manager is closed");
			}
			previous = this.current;
			Instant started = this.clock.instant();
			Lease lease = this.dynamic.generateCredentials(this.policy.engine(), this.policy.role(), this.policy.ttl());
			Instant now = this.clock.instant();
			this.generationTime = Duration.between(started, now);
			Instant end = end(now, lease.leaseDuration(), lease.expiresAt(), null);
			next = new Term(lease, now, end, lease.renewable());
			if (lease.username() != null) {
				this.leaseByUsername.put(lease.username(), lease.leaseId());
			}
			if (previous != null) {
				retire(previous, reason, now);
				this.retired.put(previous.lease().leaseId(), previous);
			}
			this.current = next;
			this.expiredAnnounced = false;
		}
		this.events.publish(new LeaseEvent.Created(this.policy.engine(), this.policy.role(), next.lease().leaseId(),
				next.end(), next.extendable()));
		if (previous != null) {
			this.events.publish(new LeaseEvent.Rotated(this.policy.engine(), this.policy.role(),
					next.lease().leaseId(), previous.lease().leaseId(), reason));
			// on the scheduler's thread: never inside the pool's own connection-opening thread
			this.scheduler.execute(this.retirer::step);
		}
		return next;
	}

	/**
	 * Tell the pool when the connections of a lease rotated away from must be closed: at once when
	 * it was revoked (its sessions may be ended any moment) or has ended; otherwise one at a time
	 * within the policy's fraction of the life it has left, and those still open halfway from there
	 * to its end all at once.
	 */
	private void retire(Term previous, String reason, Instant now) {
		boolean atOnce = "revoked".equals(reason) || "login-failed".equals(reason) || !now.isBefore(previous.end())
				|| this.policy.retireWithin() == 0.0;
		if (atOnce) {
			this.retirer.retire(now, now);
			return;
		}
		long remaining = Duration.between(now, previous.end()).toMillis();
		Instant spreadUntil = now.plusMillis((long) (remaining * this.policy.retireWithin()));
		this.retirer.retire(spreadUntil, spreadUntil.plus(Duration.between(spreadUntil, previous.end()).dividedBy(2)));
	}

	/**
	 * Revoke the retired leases none of whose connections is open, and those that have ended.
	 * @param now the current time
	 */
	private void revokeRetired(Instant now) {
		for (Term term : this.retired.values()) {
			String leaseId = term.lease().leaseId();
			int open = this.connections.open(leaseId);
			if (open > 0 && now.isBefore(term.end())) {
				continue;
			}
			try {
				this.dynamic.revokeLease(leaseId);
			}
			catch (NotFoundException ex) {
				// already gone: revoked underneath or ended
			}
			catch (ScaiVaultException ex) {
				if (now.isBefore(term.end())) {
					this.events.publish(new LeaseEvent.Failed(this.policy.engine(), this.policy.role(), leaseId,
							"revoke", ex.getCode(), 1, null));
					continue;
				}
				// ended: the service drops the account itself
			}
			this.retired.remove(leaseId);
			String username = term.lease().username();
			if (username != null) {
				this.leaseByUsername.remove(username, leaseId);
			}
			this.events.publish(new LeaseEvent.Revoked(this.policy.engine(), this.policy.role(), leaseId, open));
		}
	}

	/**
	 * Replace the lease after the database refused a login with its credentials (revoked or
	 * dropped underneath), unless another thread did so already: at most once per
	 * {@link LeasePolicy#initialBackoff()}, so that a database that refuses every login does not
	 * cost a lease per attempt.
	 * @param username the user whose login was refused
	 * @return the credentials to try again with
	 */
	Credentials replaceAfterLoginFailure(String username) {
		synchronized (this.rotationLock) {
			Term term = requireCurrent();
			Instant now = this.clock.instant();
			if (username.equals(term.lease().username())
					&& !now.isBefore(this.lastLoginFailureRotation.plus(this.policy.initialBackoff()))) {
				this.lastLoginFailureRotation = now;
				try {
					term = rotate("login-failed");
				}
				catch (ScaiVaultException ex) {
					throw new DynamicCredentialsException(this.policy.engine(), this.policy.role(), ex);
				}
			}
			return credentials(term);
		}
	}

	/**
	 * Record a physical connection the pool opened.
	 * @param connection the connection
	 * @param username the user it logged in as
	 * @return whether it belongs to the current lease; {@code false} when that lease was retired while
	 * it opened, so the caller closes it and opens another
	 */
	boolean track(Connection connection, String username) {
		String leaseId = this.leaseByUsername.get(username);
		if (leaseId == null || this.retired.containsKey(leaseId)) {
			return false;
		}
		this.connections.add(connection, leaseId);
		return true;
	}

	/** @return how many physical connections of the leases rotated away from are open */
	int openRetiredConnections() {
		int open = 0;
		for (String leaseId : this.retired.keySet()) {
			open += this.connections.open(leaseId);
		}
		return open;
	}

	/**
	 * @param connection a physical connection
	 * @return whether it logged in with a lease that was rotated away from
	 */
	boolean isRetired(Connection connection) {
		String leaseId = this.connections.leaseOf(connection);
		return leaseId != null && this.retired.containsKey(leaseId);
	}

	/**
	 * Stop renewing and revoke the current and retired leases. Close the pool first, so that no
	 * connection is open when the accounts are dropped.
	 */
	@Override
	public void close() {
		synchronized (this.rotationLock) {
			if (this.closed) {
				return;
			}
			this.closed = true;
		}
		this.scheduler.close();
		Term term = this.current;
		if (term != null) {
			this.retired.put(term.lease().leaseId(), term);
		}
		for (Term retiredTerm : this.retired.values()) {
			try {
				this.dynamic.revokeLease(retiredTerm.lease().leaseId());
			}
			catch (NotFoundException ex) {
				// already gone
			}
			catch (ScaiVaultException ex) {
				logger.log(System.Logger.Level.WARNING, "Could not revoke lease " + retiredTerm.lease().leaseId()
						+ " on close (it ends at " + retiredTerm.end() + "): [" + ex.getCode() + "]");
			}
		}
		this.retired.clear();
	}

	@Override
	public String toString() {
		Term term = this.current;
		return "LeaseManager[engine=" + this.policy.engine() + ", role=" + this.policy.role() + ", leaseId="
				+ ((term != null) ? term.lease().leaseId() : null) + "]";
	}

	private Term requireCurrent() {
		Term term = this.current;
		if (term == null || this.closed) {
			throw new IllegalStateException((term == null) ? "No lease yet: start the lease manager first"
					: "The lease manager is closed");
		}
		return term;
	}

	private static Credentials credentials(Term term) {
		return new Credentials(term.lease().username(), term.lease().password());
	}

	/**
	 * The end of a term: the earlier of the service's expiry and the duration from now, so that a
	 * service clock that truncates to seconds, or runs ahead, never makes it look later than it is.
	 */
	private static Instant end(Instant now, @Nullable Duration duration, @Nullable Instant expiresAt,
			@Nullable Instant fallback) {
		Instant end = (duration != null) ? now.plus(duration) : null;
		if (expiresAt != null && (end == null || expiresAt.isBefore(end))) {
			end = expiresAt;
		}
		if (end == null) {
			end = (fallback != null) ? fallback : now.plus(Duration.ofHours(1));
		}
		return end;
	}

	/**
	 * A lease and its current term.
	 *
	 * @param lease the lease with its credentials
	 * @param start when the term started (issue or last renewal)
	 * @param end when the lease ends
	 * @param extendable whether renewing it would extend it
	 */
	private record Term(Lease lease, Instant start, Instant end, boolean extendable) {

		Instant renewAt(LeasePolicy policy) {
			return at(policy.renewAt());
		}

		/**
		 * @param policy the policy
		 * @param generationTime how long taking a lease takes
		 * @return when to rotate: at the policy's fraction, or earlier when taking a lease is slow
		 */
		Instant rotateAt(LeasePolicy policy, Duration generationTime) {
			Instant atFraction = at(policy.rotateAt());
			Instant beforeEnd = this.end.minus(generationTime.multipliedBy(3));
			return beforeEnd.isBefore(atFraction) ? beforeEnd : atFraction;
		}

		private Instant at(double fraction) {
			long millis = Duration.between(this.start, this.end).toMillis();
			return this.start.plusMillis((long) (millis * fraction));
		}

		@Override
		public String toString() {
			return "Term[leaseId=" + this.lease.leaseId() + ", end=" + this.end + "]";
		}

	}

}
