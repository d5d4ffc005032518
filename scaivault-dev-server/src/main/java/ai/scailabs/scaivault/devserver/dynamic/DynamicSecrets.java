package ai.scailabs.scaivault.devserver.dynamic;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import ai.scailabs.scaivault.devserver.events.Event;
import ai.scailabs.scaivault.devserver.events.EventSink;
import ai.scailabs.scaivault.devserver.http.ApiException;
import ai.scailabs.scaivault.devserver.http.Durations;
import ai.scailabs.scaivault.devserver.http.ErrorCode;
import ai.scailabs.scaivault.devserver.time.DevClock;

/**
 * The dynamic-secrets feature without HTTP: engines, roles and leases, each lease a real database
 * account. {@link #tick(Instant)} (registered on the {@link DevClock}) publishes
 * {@code lease.expiring} shortly before a lease ends and revokes it when it has ended;
 * {@link #close()} revokes every outstanding lease, so that no account is left behind.
 *
 * <p>Ticks do no database work: they run on the dev server's shared ticker thread (and in the
 * caller's thread after {@link DevClock#advance}), where a slow or unreachable database would
 * stall every other feature. A tick stops serving an expired lease at once (it is gone from the
 * lease list, renewals answer {@code not_found}) and hands the drop of its account to this
 * feature's own thread; {@code lease.revoked} is published when the account is gone. So after
 * {@code advance} the account is dropped shortly, not yet: wait for {@code lease.revoked} (tests
 * in this package call {@link #awaitIdle()}).
 *
 * <p>{@code lease.expiring} is published once per term, within five minutes of expiry (within the
 * last fifth of shorter terms); a clock jump straight past the expiry only publishes
 * {@code lease.revoked} (reason {@code expired}). Neither event holds the account name or password.
 *
 * <p>When a database cannot drop an account at expiry, the lease is no longer served and the drop
 * is tried again every 30 seconds (and once more on close).
 */
public final class DynamicSecrets implements AutoCloseable {

	private static final System.Logger logger = System.getLogger(DynamicSecrets.class.getName());

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,128}");

	static final Duration DEFAULT_TTL = Duration.ofHours(1);

	static final Duration DEFAULT_MAX_TTL = Duration.ofHours(24);

	/** The latest a lease can end: {@code {{expiration}}} has four digits for the year. */
	static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

	private static final Duration RETRY_INTERVAL = Duration.ofSeconds(30);

	/** How long {@link #close()} waits for drops already handed to the reaper. */
	private static final Duration CLOSE_WAIT = Duration.ofSeconds(30);

	private static final int ENDED_REMEMBERED = 10_000;

	private final DevClock clock;

	private final EventSink events;

	private final H2Databases h2 = new H2Databases();

	private final ConcurrentMap<String, Engine> engines = new ConcurrentHashMap<>();

	private final ConcurrentMap<String, Role> roles = new ConcurrentHashMap<>();

	private final ConcurrentMap<String, Lease> leases = new ConcurrentHashMap<>();

	private final ConcurrentMap<String, Retry> retries = new ConcurrentHashMap<>();

	/** Expired leases whose drop was handed to the reaper and has not started yet. */
	private final ConcurrentMap<String, Lease> dropping = new ConcurrentHashMap<>();

	/** Whether a run of the failed revocations is queued on the reaper. */
	private final AtomicBoolean retryQueued = new AtomicBoolean();

	/** The thread that drops the accounts of expired leases, so that ticks never wait for a database. */
	private final ExecutorService reaper = Executors.newSingleThreadExecutor((runnable) -> {
		Thread thread = new Thread(runnable, "scaivault-dev-dynamic-reaper");
		thread.setDaemon(true);
		return thread;
	});

	private final Map<String, String> ended = Collections.synchronizedMap(new LinkedHashMap<>() {

		private static final long serialVersionUID = 1L;

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
			return size() > ENDED_REMEMBERED;
		}

	});

	private final AtomicLong sequence = new AtomicLong();

	/** Striped locks that serialize the renewals of each lease. */
	private final Object[] renewLocks = newLocks(64);

	private volatile boolean closed;

	/**
	 * Create the feature and register its tick on the clock.
	 * @param clock the dev server's clock
	 * @param events where {@code lease.expiring} and {@code lease.revoked} go
	 */
	public DynamicSecrets(DevClock clock, EventSink events) {
		this.clock = clock;
		this.events = events;
		clock.onTick(this::tick);
	}

	/**
	 * Configure an engine, or configure it again (leases already issued keep the configuration they
	 * were created with).
	 * @param request the request
	 * @return the engine and whether it is new
	 * @throws ApiException {@code validation_error} for bad input or a failed verification
	 */
	Configured<Engine> configureEngine(EngineRequest request) {
		requireName("name", request.name());
		DatabaseType type = DatabaseType.of(request.type());
		if (type == null) {
			throw ApiException.validation("Field 'type' must be postgresql, mysql or h2, not '" + request.type() + "'",
					Map.of("field", "type"));
		}
		String url = request.connectionUrl();
		String username = request.username();
		String password = (request.password() != null) ? request.password() : "";
		String credentialsUrl;
		if (url == null || url.isBlank()) {
			if (type != DatabaseType.H2) {
				throw ApiException.validation("Field 'connection_url' is required for a " + type.id()
						+ " engine: give the JDBC URL of the database, such as " + type.urlPrefixes().get(0)
						+ "//127.0.0.1/test", Map.of("field", "connection_url"));
			}
			if (username != null || request.password() != null) {
				throw ApiException.validation("Fields 'username' and 'password' go with a 'connection_url'; leave all "
						+ "three out for the dev server's in-memory H2 database", Map.of("field", "username"));
			}
			H2Databases.Database database = this.h2.forEngine(request.name());
			url = database.url();
			username = database.username();
			password = database.password();
			credentialsUrl = database.tcpUrl();
		}
		else {
			url = url.trim();
			if (!type.accepts(url)) {
				throw ApiException.validation("Field 'connection_url' must be a JDBC URL starting with "
						+ String.join(" or ", type.urlPrefixes()) + " for a " + type.id() + " engine",
						Map.of("field", "connection_url"));
			}
			if (JdbcUrls.holdsCredentials(url)) {
				throw ApiException.validation("Field 'connection_url' must not hold credentials: give them in "
						+ "'username' and 'password'", Map.of("field", "connection_url"));
			}
			if (username == null || username.isBlank()) {
				throw ApiException.validation("Field 'username' is required: the admin user that creates accounts",
						Map.of("field", "username"));
			}
			credentialsUrl = url;
		}
		Engine engine = new Engine(request.name(), type, url, username, password, credentialsUrl,
				this.clock.now().truncatedTo(ChronoUnit.SECONDS));
		if (request.verifyConnection()) {
			try {
				DatabaseAccounts.of(engine).verify();
			}
			catch (AccountException ex) {
				throw ApiException.validation("Could not verify the connection: " + ex.getMessage(),
						Map.of("field", "connection_url", "engine", engine.name()));
			}
		}
		boolean created = this.engines.put(engine.name(), engine) == null;
		logger.log(System.Logger.Level.INFO, () -> "Dynamic engine configured: " + engine);
		return new Configured<>(engine, created);
	}

	/**
	 * Configure a role of an engine, or configure it again.
	 * @param engineName the engine
	 * @param request the request
	 * @return the role and whether it is new
	 * @throws ApiException {@code not_found} for an unknown engine, {@code validation_error} for bad input
	 */
	Configured<Role> configureRole(String engineName, RoleRequest request) {
		Engine engine = engine(engineName);
		requireName("name", request.name());
		List<String> creation = (request.creationStatements() != null) ? request.creationStatements()
				: engine.type().defaultCreationStatements();
		List<String> revocation = (request.revocationStatements() != null) ? request.revocationStatements()
				: engine.type().defaultRevocationStatements();
		if (!Statements.uses(creation, "name") && !Statements.uses(creation, "username")) {
			throw ApiException.validation("Field 'creation_statements' must use {{name}} for the generated account",
					Map.of("field", "creation_statements"));
		}
		if (!Statements.uses(revocation, "name") && !Statements.uses(revocation, "username")) {
			throw ApiException.validation("Field 'revocation_statements' must use {{name}} to drop the account",
					Map.of("field", "revocation_statements"));
		}
		if (Statements.uses(revocation, "password")) {
			throw ApiException.validation("Field 'revocation_statements' cannot use {{password}}: it is not kept",
					Map.of("field", "revocation_statements"));
		}
		if ((Statements.uses(creation, "database") || Statements.uses(revocation, "database"))
				&& JdbcUrls.database(engine.connectionUrl()).isEmpty()) {
			throw ApiException.validation("The statements use {{database}} but the connection_url of engine '"
					+ engine.name() + "' names no database; give statements without it",
					Map.of("field", "creation_statements"));
		}
		Duration maxTtl = (request.maxTtl() != null) ? request.maxTtl() : DEFAULT_MAX_TTL;
		later(this.clock.now(), maxTtl, "max_ttl");
		Duration defaultTtl = (request.defaultTtl() != null) ? request.defaultTtl()
				: (DEFAULT_TTL.compareTo(maxTtl) <= 0 ? DEFAULT_TTL : maxTtl);
		if (defaultTtl.compareTo(maxTtl) > 0) {
			throw ApiException.validation("Field 'default_ttl' (" + Durations.format(defaultTtl)
					+ ") must not exceed 'max_ttl' (" + Durations.format(maxTtl) + ")", Map.of("field", "default_ttl"));
		}
		Role role = new Role(engine.name(), request.name(), creation, revocation, defaultTtl, maxTtl,
				this.clock.now().truncatedTo(ChronoUnit.SECONDS));
		boolean created = this.roles.put(roleKey(engine.name(), role.name()), role) == null;
		return new Configured<>(role, created);
	}

	/**
	 * Create a database account for a role.
	 * @param engineName the engine
	 * @param roleName the role
	 * @param ttl the lease duration, or {@code null} for the role's default; capped at its max TTL
	 * @return the lease and password
	 * @throws ApiException {@code not_found}, {@code validation_error} when the database refuses the
	 * role's statements, {@code service_unavailable} when it cannot be reached
	 */
	Credentials generate(String engineName, String roleName, @Nullable Duration ttl) {
		requireOpen();
		Engine engine = engine(engineName);
		Role role = role(engine.name(), roleName);
		Duration term = (ttl != null) ? ttl : role.defaultTtl();
		if (term.compareTo(role.maxTtl()) > 0) {
			term = role.maxTtl();
		}
		DatabaseAccounts accounts = DatabaseAccounts.of(engine);
		String username = accounts.accountName(Randoms.accountName(role.name()));
		String password = Randoms.password();
		Instant now = this.clock.now().truncatedTo(ChronoUnit.SECONDS);
		Instant expiresAt = later(now, term, (ttl != null) ? "ttl" : "default_ttl");
		Instant maxExpiresAt = later(now, role.maxTtl(), "max_ttl");
		try {
			accounts.create(role, username, password, expiresAt);
		}
		catch (AccountException ex) {
			throw databaseError(ex);
		}
		Lease lease = new Lease(Randoms.leaseId(), this.sequence.incrementAndGet(), engine, role, username, now, now,
				expiresAt, maxExpiresAt, false);
		this.leases.put(lease.id(), lease);
		if (this.closed && this.leases.remove(lease.id(), lease)) {
			// closed while the account was being created: close() may not have seen this lease
			try {
				accounts.revoke(role, username);
			}
			catch (AccountException ex) {
				logger.log(System.Logger.Level.WARNING, "Account " + username + " on engine " + engine.name()
						+ " is left behind: " + ex.getMessage());
			}
			requireOpen();
		}
		logger.log(System.Logger.Level.DEBUG,
				() -> "Lease " + lease.id() + " issued: account " + username + " on engine " + engine.name());
		return new Credentials(lease, password);
	}

	/**
	 * Extend a lease from now by the increment, never beyond the role's max TTL from its creation
	 * and never shorter than it already is. Renewals of one lease run one at a time, so that
	 * concurrent ones never move the expiry, or the database's, backwards.
	 * @param leaseId the lease
	 * @param increment the extension, or {@code null} for the role's default TTL
	 * @return the renewed lease and its seconds left, counted from the whole second the renewal
	 * started at (the same instant its new expiry is computed from)
	 * @throws ApiException {@code not_found} for an unknown, revoked or expired lease
	 */
	Renewal renew(String leaseId, @Nullable Duration increment) {
		requireOpen();
		// one renewal of a lease at a time, so that the database's expiry only moves forward
		synchronized (this.renewLocks[Math.floorMod(leaseId.hashCode(), this.renewLocks.length)]) {
			Lease lease = lease(leaseId);
			Instant now = this.clock.now().truncatedTo(ChronoUnit.SECONDS);
			if (lease.expired(now)) {
				tick(this.clock.now());
				throw notFoundLease(leaseId);
			}
			Duration extension = (increment != null) ? increment : lease.role().defaultTtl();
			// compared before adding, so that no increment, however large, overflows
			Instant newExpiry = (extension.compareTo(Duration.between(now, lease.maxExpiresAt())) >= 0)
					? lease.maxExpiresAt() : now.plus(extension);
			if (!newExpiry.isAfter(lease.expiresAt())) {
				return new Renewal(lease, now);
			}
			try {
				DatabaseAccounts.of(lease.engine()).extend(lease.username(), newExpiry);
			}
			catch (AccountException ex) {
				if (!this.leases.containsKey(leaseId)) {
					throw notFoundLease(leaseId);
				}
				throw databaseError(ex);
			}
			Instant expiry = newExpiry;
			Lease renewed = this.leases.computeIfPresent(leaseId,
					(id, current) -> expiry.isAfter(current.expiresAt()) ? current.renewed(now, expiry) : current);
			if (renewed == null) {
				throw notFoundLease(leaseId);
			}
			return new Renewal(renewed, now);
		}
	}

	/**
	 * End a lease now: end the account's sessions and drop it. A lease already revoked or expired is
	 * fine.
	 * @param leaseId the lease
	 * @throws ApiException {@code not_found} for a lease never issued, {@code service_unavailable}
	 * when the database cannot drop the account (the lease stays)
	 */
	void revoke(String leaseId) {
		Lease lease = this.leases.remove(leaseId);
		if (lease == null) {
			if (this.ended.containsKey(leaseId) || this.retries.containsKey(leaseId)) {
				return;
			}
			throw notFoundLease(leaseId);
		}
		try {
			DatabaseAccounts.of(lease.engine()).revoke(lease.role(), lease.username());
		}
		catch (AccountException ex) {
			this.leases.putIfAbsent(leaseId, lease);
			throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "Could not revoke lease " + leaseId + ": "
					+ ex.getMessage(), Map.of("lease_id", leaseId, "engine", lease.engine().name()));
		}
		ended(lease, "revoked");
	}

	/** @return the outstanding leases, in order of issue */
	List<Lease> leases() {
		return this.leases.values().stream().sorted(Comparator.comparingLong(Lease::sequence)).toList();
	}

	/**
	 * @param leaseId a lease id
	 * @return the outstanding lease
	 * @throws ApiException {@code not_found}
	 */
	Lease lease(String leaseId) {
		Lease lease = this.leases.get(leaseId);
		if (lease == null) {
			throw notFoundLease(leaseId);
		}
		return lease;
	}

	/** @return the configured engines, by name */
	List<Engine> engines() {
		return this.engines.values().stream().sorted(Comparator.comparing(Engine::name)).toList();
	}

	/**
	 * @param name an engine name
	 * @return the engine
	 * @throws ApiException {@code not_found}
	 */
	Engine engine(String name) {
		Engine engine = this.engines.get(name);
		if (engine == null) {
			throw ApiException.notFound("No dynamic engine '" + name + "'; configure it with POST /v1/dynamic/engines",
					Map.of("engine", name));
		}
		return engine;
	}

	/**
	 * @param engineName an engine name
	 * @return its roles, by name
	 */
	List<Role> roles(String engineName) {
		Engine engine = engine(engineName);
		return this.roles.values()
			.stream()
			.filter((role) -> role.engine().equals(engine.name()))
			.sorted(Comparator.comparing(Role::name))
			.toList();
	}

	/**
	 * @param engineName an engine name
	 * @param roleName a role name
	 * @return the role
	 * @throws ApiException {@code not_found}
	 */
	Role role(String engineName, String roleName) {
		Role role = this.roles.get(roleKey(engineName, roleName));
		if (role == null) {
			throw ApiException.notFound("No role '" + roleName + "' on dynamic engine '" + engineName
					+ "'; configure it with POST /v1/dynamic/engines/" + engineName + "/roles",
					Map.of("engine", engineName, "role", roleName));
		}
		return role;
	}

	/**
	 * Publish {@code lease.expiring} for leases about to end, stop serving the ended ones and hand
	 * their drop, and the failed revocations due again, to the reaper thread. Runs on every clock
	 * tick and does no database work.
	 * @param now the current time
	 */
	public void tick(Instant now) {
		if (this.closed) {
			return;
		}
		for (Lease lease : this.leases.values()) {
			if (lease.expired(now)) {
				expire(lease, now);
			}
			else if (lease.expiringDue(now)) {
				boolean[] due = { false };
				Lease announced = this.leases.computeIfPresent(lease.id(), (id, current) -> {
					if (current.expiringAnnounced() || !current.expiringDue(now)) {
						return current;
					}
					due[0] = true;
					return current.announced();
				});
				if (due[0] && announced != null) {
					publish("lease.expiring", announced, Map.of());
				}
			}
		}
		if (!this.retries.isEmpty() && this.retryQueued.compareAndSet(false, true)) {
			hand(() -> {
				this.retryQueued.set(false);
				retryFailedRevocations(now, false);
			});
		}
	}

	private void expire(Lease lease, Instant now) {
		if (!this.leases.remove(lease.id(), lease)) {
			// renewed, announced or revoked meanwhile: looked at again on the next tick
			return;
		}
		this.ended.put(lease.id(), "expired");
		this.dropping.put(lease.id(), lease);
		hand(() -> drop(lease.id(), now));
	}

	/**
	 * Drop the account of an expired lease, unless another thread (close) already took it.
	 * @param leaseId the lease
	 * @param now when it was found expired
	 */
	private void drop(String leaseId, Instant now) {
		Lease lease = this.dropping.remove(leaseId);
		if (lease == null) {
			return;
		}
		try {
			DatabaseAccounts.of(lease.engine()).revoke(lease.role(), lease.username());
			ended(lease, "expired");
		}
		catch (AccountException ex) {
			logger.log(System.Logger.Level.WARNING, "Could not drop the account of expired lease " + lease.id()
					+ "; trying again in " + RETRY_INTERVAL.toSeconds() + "s: " + ex.getMessage());
			this.retries.put(lease.id(), new Retry(lease, now.plus(RETRY_INTERVAL)));
		}
	}

	/**
	 * Run database work on the reaper, or here when it is shut down (the feature is closing).
	 * @param work the work
	 */
	private void hand(Runnable work) {
		try {
			this.reaper.execute(work);
		}
		catch (RejectedExecutionException ex) {
			work.run();
		}
	}

	/**
	 * Wait until the reaper has done all the work handed to it so far: the drops of the leases
	 * that earlier ticks found expired. For tests, which move the clock and then look at the
	 * database.
	 */
	void awaitIdle() {
		try {
			this.reaper.submit(() -> {
			}).get();
		}
		catch (RejectedExecutionException ex) {
			// closed: close() did the remaining work itself
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the lease reaper", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("The lease reaper failed", ex.getCause());
		}
	}

	private void retryFailedRevocations(Instant now, boolean last) {
		for (Retry retry : List.copyOf(this.retries.values())) {
			if (!last && now.isBefore(retry.next())) {
				continue;
			}
			Lease lease = retry.lease();
			try {
				DatabaseAccounts.of(lease.engine()).revoke(lease.role(), lease.username());
				this.retries.remove(lease.id());
				ended(lease, "expired");
			}
			catch (AccountException ex) {
				if (last) {
					this.retries.remove(lease.id());
					logger.log(System.Logger.Level.WARNING, "Account " + lease.username() + " of lease " + lease.id()
							+ " on engine " + lease.engine().name() + " is left behind: " + ex.getMessage());
				}
				else {
					this.retries.replace(lease.id(), new Retry(lease, now.plus(RETRY_INTERVAL)));
				}
			}
		}
	}

	/**
	 * Revoke every outstanding lease, so that no account is left behind, then shut down the
	 * in-memory H2 databases. Accounts that cannot be dropped are logged with their names.
	 */
	@Override
	public void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		this.reaper.shutdown();
		try {
			if (!this.reaper.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
				logger.log(System.Logger.Level.WARNING, "Lease reaper still busy after " + CLOSE_WAIT.toSeconds()
						+ "s; dropping the remaining accounts here");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		for (String leaseId : List.copyOf(this.dropping.keySet())) {
			drop(leaseId, this.clock.now());
		}
		for (Lease lease : List.copyOf(this.leases.values())) {
			if (!this.leases.remove(lease.id(), lease)) {
				continue;
			}
			try {
				DatabaseAccounts.of(lease.engine()).revoke(lease.role(), lease.username());
				ended(lease, "shutdown");
			}
			catch (AccountException ex) {
				logger.log(System.Logger.Level.WARNING, "Account " + lease.username() + " of lease " + lease.id()
						+ " on engine " + lease.engine().name() + " is left behind: " + ex.getMessage());
			}
		}
		retryFailedRevocations(this.clock.now(), true);
		this.reaper.shutdownNow();
		this.h2.close();
	}

	private void ended(Lease lease, String reason) {
		this.ended.put(lease.id(), reason);
		logger.log(System.Logger.Level.DEBUG, () -> "Lease " + lease.id() + " " + reason + ": account "
				+ lease.username() + " dropped from engine " + lease.engine().name());
		publish("lease.revoked", lease, Map.of("reason", reason));
	}

	private void publish(String type, Lease lease, Map<String, Object> extra) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("lease_id", lease.id());
		data.put("engine", lease.engine().name());
		data.put("role", lease.role().name());
		data.put("expires_at", lease.expiresAt().toString());
		data.putAll(extra);
		try {
			this.events.publish(new Event(type, lease.path(), null, null, data));
		}
		catch (RuntimeException ex) {
			logger.log(System.Logger.Level.WARNING, "Could not publish " + type + " for lease " + lease.id(), ex);
		}
	}

	private void requireOpen() {
		if (this.closed) {
			throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "The dev server is shutting down");
		}
	}

	private ApiException notFoundLease(String leaseId) {
		String reason = this.ended.get(leaseId);
		String message = (reason != null) ? "Lease " + leaseId + " has " + ("expired".equals(reason) ? "expired"
				: "been revoked") : "No lease " + leaseId;
		return ApiException.notFound(message, Map.of("lease_id", leaseId));
	}

	private static ApiException databaseError(AccountException ex) {
		if (ex.unreachable()) {
			return new ApiException(ErrorCode.SERVICE_UNAVAILABLE, ex.getMessage());
		}
		return ApiException.validation(ex.getMessage());
	}

	/**
	 * @param instant an instant
	 * @param amount a duration from a request field
	 * @param field the field
	 * @return the instant plus the duration
	 * @throws ApiException {@code validation_error} naming the field when the result is after
	 * {@link #LATEST} (or beyond what an {@link Instant} holds)
	 */
	private static Instant later(Instant instant, Duration amount, String field) {
		try {
			Instant result = instant.plus(amount);
			if (!result.isAfter(LATEST)) {
				return result;
			}
		}
		catch (DateTimeException | ArithmeticException ex) {
			// too long as well
		}
		throw ApiException.validation("Field '" + field + "' (" + Durations.format(amount)
				+ ") is too long: a lease must end before the year 10000", Map.of("field", field));
	}

	private static void requireName(String field, String value) {
		if (!NAME.matcher(value).matches() || value.equals(".") || value.equals("..")) {
			throw ApiException.validation("Field '" + field + "' must be 1 to 128 letters, digits, '.', '_' or '-'",
					Map.of("field", field));
		}
	}

	private static Object[] newLocks(int count) {
		Object[] locks = new Object[count];
		for (int i = 0; i < count; i++) {
			locks[i] = new Object();
		}
		return locks;
	}

	private static String roleKey(String engine, String role) {
		return engine + "/" + role;
	}

	/**
	 * An expired lease whose account could not be dropped yet.
	 *
	 * @param lease the lease
	 * @param next when to try again
	 */
	private record Retry(Lease lease, Instant next) {

	}

	/**
	 * The result of configuring something.
	 *
	 * @param <T> what was configured
	 * @param value the configuration
	 * @param created whether it is new (else it replaced one)
	 */
	record Configured<T>(T value, boolean created) {

	}

}
