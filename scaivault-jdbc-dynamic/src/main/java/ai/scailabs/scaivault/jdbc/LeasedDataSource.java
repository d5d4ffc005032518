package ai.scailabs.scaivault.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import com.zaxxer.hikari.pool.HikariPool;
import com.zaxxer.hikari.util.DriverDataSource;
import org.jspecify.annotations.Nullable;

import ai.scailabs.scaivault.client.ScaiVaultClient;

/**
 * A HikariCP pool on leased credentials: every new physical connection logs in with the current
 * lease of a {@link LeaseManager} (through {@link com.zaxxer.hikari.HikariCredentialsProvider}).
 * When the lease rotates, the old lease's connections are replaced one at a time, spread over
 * {@link LeasePolicy#retireWithin()} of the life the old lease has left (then, if the pool could
 * not keep up, as fast as it refills; those left halfway from there to the old lease's end all at
 * once), and never while the pool is still opening the previous replacement: the next borrower that gets one closes it and takes
 * another (idle) connection, or, if none did since the last step, the lease manager's thread
 * borrows an idle one and closes it, so that borrowers
 * do not wait for a burst of new logins. Until its turn, an old lease's connection is used as
 * before (its account stays valid until the old lease ends, well after the last turn). A revoked (or ended) lease's connections go at once: idle ones
 * evicted, busy ones when returned, none handed out again. {@link #close()} closes the pool, then
 * revokes the leases.
 *
 * <pre class="code">
 * LeasedDataSource dataSource = LeasedDataSource.builder(client)
 *     .engine("support-db").role("readonly").ttl(Duration.ofHours(1))
 *     .build();
 * dataSource.setMaximumPoolSize(10);            // any other Hikari setting, before first use
 * try (Connection connection = dataSource.getConnection()) { ... }
 * dataSource.close();                           // closes the pool, then revokes the lease
 * </pre>
 *
 * The pool starts on the first {@link #getConnection()}, so Hikari settings may be set until then.
 * Hikari resets a {@code maxLifetime} under 30 seconds, so short leases rely on eviction, never on
 * {@code maxLifetime}.
 */
public class LeasedDataSource extends HikariDataSource {

	/** How long the retirer waits for an idle connection it saw. */
	private static final long SWEEP_TIMEOUT_MILLIS = 100;

	/**
	 * How many idle connections of the current lease the retirer holds at most while it looks for
	 * one of a retired lease to replace: Hikari hands a thread the connections it returned last
	 * before the others, in the order they were opened, so the oldest idle connection comes after at
	 * most these.
	 */
	private static final int MAX_HELD = 2;

	private static final System.Logger logger = System.getLogger(LeasedDataSource.class.getName());

	private final LeaseManager manager;

	private final RollingRetirement retirement;

	/**
	 * Create a pool on a started manager; the JDBC URL must be set ({@link #setJdbcUrl}) before first
	 * use, such as to {@link LeaseManager#connectionUrl()}.
	 * @param manager the lease manager, started
	 */
	public LeasedDataSource(LeaseManager manager) {
		this.manager = Objects.requireNonNull(manager, "manager must not be null");
		setCredentialsProvider(manager);
		setDataSource(new LeaseConnectionSource(manager, this::driverDataSource));
		setExceptionOverride(new BrokenConnections());
		this.retirement = new RollingRetirement(manager.clock());
		manager.onRotation(new Retirer());
	}

	/**
	 * Start building a pool and its lease manager.
	 * @param client the ScaiVault client
	 * @return the builder
	 */
	public static Builder builder(ScaiVaultClient client) {
		return new Builder(client);
	}

	/** @return the lease manager */
	public LeaseManager getLeaseManager() {
		return this.manager;
	}

	/**
	 * Borrow a connection. One of a retired lease is handed out only while its turn to be replaced
	 * has not come; otherwise it is evicted and another one borrowed.
	 */
	@Override
	public Connection getConnection() throws SQLException {
		Connection connection = super.getConnection();
		while (this.manager.isRetired(connection.unwrap(Connection.class)) && this.retirement.mustClose()) {
			// open, so Hikari closes it at once; it must not be closed (returned) as well
			evictConnection(connection);
			connection = super.getConnection();
		}
		return connection;
	}

	/**
	 * @return when every connection of the retired leases must be closed, or {@code null} when no
	 * retirement is going on
	 */
	@Nullable Instant retirementDeadline() {
		return this.retirement.deadline();
	}

	/** Close the pool, then revoke the leases. */
	@Override
	public void close() {
		try {
			super.close();
		}
		finally {
			this.manager.close();
		}
	}

	/**
	 * Borrow idle connections (all of them; or all but one, which is left to the application, and
	 * at most {@link #MAX_HELD} of the current lease held at once) and evict those of retired
	 * leases; return the others.
	 * @param all whether to evict every retired lease's idle connection (the deadline has passed),
	 * or only the first found, if the retirement's turn is still free
	 */
	private void sweep(HikariPool pool, boolean all) {
		int borrowable = all ? pool.getIdleConnections() : Math.min(pool.getIdleConnections() - 1, MAX_HELD + 1);
		List<Connection> held = new ArrayList<>();
		try {
			for (int i = 0; i < borrowable; i++) {
				// a short wait: another thread may have taken the idle connection seen
				Connection connection = pool.getConnection(SWEEP_TIMEOUT_MILLIS);
				if (!this.manager.isRetired(connection.unwrap(Connection.class))) {
					held.add(connection);
				}
				else if (all || this.retirement.takeTurn()) {
					pool.evictConnection(connection);
					if (!all) {
						break;
					}
				}
				else {
					// a borrower took the turn meanwhile
					held.add(connection);
					break;
				}
			}
		}
		catch (SQLException ex) {
			// none idle after all: the next step tries again
		}
		finally {
			for (Connection connection : held) {
				try {
					connection.close();
				}
				catch (SQLException ex) {
					logger.log(System.Logger.Level.DEBUG, "Returning a connection failed: " + ex.getSQLState());
				}
			}
		}
	}

	private DriverDataSource driverDataSource() {
		String url = getJdbcUrl();
		if (url == null) {
			throw new IllegalStateException("No JDBC URL: set it, or use LeaseManager.connectionUrl()");
		}
		return new DriverDataSource(url, getDriverClassName(), getDataSourceProperties(), null, null);
	}

	@Override
	public String toString() {
		return "LeasedDataSource (" + getPoolName() + ", " + this.manager + ")";
	}

	/**
	 * Closes the pool's connections of retired leases as the {@link RollingRetirement} paces it.
	 */
	private final class Retirer implements ConnectionRetirer {

		@Override
		public void retire(Instant spreadUntil, Instant closeBy) {
			LeasedDataSource.this.retirement.retire(spreadUntil, closeBy);
		}

		@Override
		public void step() {
			HikariPoolMXBean bean = getHikariPoolMXBean();
			// nothing to retire on most ticks: skip counting the retired leases' connections
			if (LeasedDataSource.this.retirement.deadline() == null || isClosed()
					|| !(bean instanceof HikariPool pool)) {
				return;
			}
			int retired = LeasedDataSource.this.manager.openRetiredConnections();
			boolean refilling = pool.getTotalConnections() < Math.min(getMinimumIdle(), getMaximumPoolSize());
			switch (LeasedDataSource.this.retirement.next(retired, refilling)) {
				case AT_ONCE -> pool.softEvictConnections();
				case ALL -> sweep(pool, true);
				case ONE -> {
					// the turn goes to the next borrower of a retired lease's connection; if none took it
					// since the last step, to an idle one the retirer borrows
					if (LeasedDataSource.this.retirement.turnPending()) {
						sweep(pool, false);
					}
					else {
						LeasedDataSource.this.retirement.grantTurn();
					}
				}
				case NONE -> {
				}
			}
		}

	}

	/**
	 * Builds a {@link LeasedDataSource} with its {@link LeaseManager}, and takes the first lease.
	 */
	public static final class Builder {

		private final ScaiVaultClient client;

		private @Nullable String engine;

		private @Nullable String role;

		private @Nullable Duration ttl;

		private double renewAt = LeasePolicy.DEFAULT_RENEW_AT;

		private double rotateAt = LeasePolicy.DEFAULT_ROTATE_AT;

		private double retireWithin = LeasePolicy.DEFAULT_RETIRE_WITHIN;

		private Duration initialBackoff = LeasePolicy.DEFAULT_INITIAL_BACKOFF;

		private Duration maxBackoff = LeasePolicy.DEFAULT_MAX_BACKOFF;

		private Duration tickInterval = RenewalScheduler.DEFAULT_INTERVAL;

		private @Nullable String jdbcUrl;

		private LeaseEventPublisher events = new LeaseEventPublisher();

		private Clock clock = Clock.systemUTC();

		private Builder(ScaiVaultClient client) {
			this.client = Objects.requireNonNull(client, "client must not be null");
		}

		/**
		 * @param engine the dynamic secret engine
		 * @return this
		 */
		public Builder engine(String engine) {
			this.engine = engine;
			return this;
		}

		/**
		 * @param role the role of the engine
		 * @return this
		 */
		public Builder role(String role) {
			this.role = role;
			return this;
		}

		/**
		 * @param ttl the lease lifetime to ask for, or {@code null} for the role's default
		 * @return this
		 */
		public Builder ttl(@Nullable Duration ttl) {
			this.ttl = ttl;
			return this;
		}

		/**
		 * @param renewAt the fraction of the term after which to renew (default 2/3)
		 * @return this
		 */
		public Builder renewAt(double renewAt) {
			this.renewAt = renewAt;
			return this;
		}

		/**
		 * @param rotateAt the fraction of a final term after which to rotate (default 3/4)
		 * @return this
		 */
		public Builder rotateAt(double rotateAt) {
			this.rotateAt = rotateAt;
			return this;
		}

		/**
		 * @param retireWithin the fraction of the old lease's remaining life within which, after a
		 * rotation, its connections are replaced one at a time (default 1/2); {@code 0} evicts them
		 * all at once. A revoked lease's connections always go at once
		 * @return this
		 */
		public Builder retireWithin(double retireWithin) {
			this.retireWithin = retireWithin;
			return this;
		}

		/**
		 * @param initialBackoff the first wait after a failed attempt
		 * @param maxBackoff the longest wait
		 * @return this
		 */
		public Builder backoff(Duration initialBackoff, Duration maxBackoff) {
			this.initialBackoff = initialBackoff;
			this.maxBackoff = maxBackoff;
			return this;
		}

		/**
		 * @param tickInterval how often the scheduler looks at the lease (default 250 ms)
		 * @return this
		 */
		public Builder tickInterval(Duration tickInterval) {
			this.tickInterval = tickInterval;
			return this;
		}

		/**
		 * @param jdbcUrl the JDBC URL, or {@code null} to use the lease's {@code connection_url}
		 * @return this
		 */
		public Builder jdbcUrl(@Nullable String jdbcUrl) {
			this.jdbcUrl = jdbcUrl;
			return this;
		}

		/**
		 * @param events where lease events go
		 * @return this
		 */
		public Builder events(LeaseEventPublisher events) {
			this.events = events;
			return this;
		}

		/**
		 * @param clock the clock
		 * @return this
		 */
		public Builder clock(Clock clock) {
			this.clock = clock;
			return this;
		}

		/**
		 * Take the first lease and create the pool (it opens connections on first use).
		 * @return the data source
		 * @throws DynamicCredentialsException when no lease can be taken
		 */
		public LeasedDataSource build() {
			LeaseManager manager = buildManager();
			manager.start();
			LeasedDataSource dataSource = new LeasedDataSource(manager);
			dataSource.setJdbcUrl((this.jdbcUrl != null) ? this.jdbcUrl : manager.connectionUrl());
			return dataSource;
		}

		/**
		 * Create the lease manager without starting it.
		 * @return the manager
		 */
		public LeaseManager buildManager() {
			LeasePolicy policy = new LeasePolicy(Objects.requireNonNull(this.engine, "engine must be set"),
					Objects.requireNonNull(this.role, "role must be set"), this.ttl, this.renewAt, this.rotateAt,
					this.retireWithin, this.initialBackoff, this.maxBackoff);
			return new LeaseManager(this.client.dynamic(), policy, this.events,
					new RenewalScheduler("scaivault-lease-" + policy.engine() + "-" + policy.role(), this.tickInterval),
					this.clock);
		}

	}

}
