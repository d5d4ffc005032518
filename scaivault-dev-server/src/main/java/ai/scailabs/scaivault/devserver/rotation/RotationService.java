package ai.scailabs.scaivault.devserver.rotation;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

import ai.scailabs.scaivault.devserver.events.Event;
import ai.scailabs.scaivault.devserver.events.EventSink;
import ai.scailabs.scaivault.devserver.http.ApiException;
import ai.scailabs.scaivault.devserver.http.Durations;
import ai.scailabs.scaivault.devserver.secrets.SecretStore;
import ai.scailabs.scaivault.devserver.secrets.SecretTypes;
import ai.scailabs.scaivault.devserver.secrets.SecretVersion;
import ai.scailabs.scaivault.devserver.secrets.Timestamps;
import ai.scailabs.scaivault.devserver.time.DevClock;

/**
 * Rotation policies, their assigned secrets and the scheduler that acts on them at every
 * {@link DevClock} tick.
 *
 * <p>A secret is due {@code interval} after its current version was written (or after it was
 * assigned, when that is later), so that a write by an external rotator starts a new cycle. When
 * it is due, a policy with {@code auto_generate} rotates a {@code password} secret to a generated
 * value with the policy's grace period ({@code secret.rotated}), and fails with
 * {@code rotation.failed} for other types; a policy without it emits {@code rotation.due} and
 * changes nothing. Each {@code warn_before} offset emits one {@code rotation.due} warning per cycle.
 */
public final class RotationService {

	private static final System.Logger logger = System.getLogger(RotationService.class.getName());

	private final ConcurrentSkipListMap<String, RotationPolicy> policies = new ConcurrentSkipListMap<>();

	private final ConcurrentHashMap<String, Assignment> assignments = new ConcurrentHashMap<>();

	private final ConcurrentHashMap<String, List<RotationHistoryEntry>> history = new ConcurrentHashMap<>();

	private final SecretStore secrets;

	private final EventSink events;

	private final DevClock clock;

	private final SecureRandom random = new SecureRandom();

	private final AtomicLong sequence = new AtomicLong();

	public RotationService(SecretStore secrets, EventSink events, DevClock clock) {
		this.secrets = secrets;
		this.events = events;
		this.clock = clock;
	}

	/** Run {@link #tick(Instant)} on every tick of the clock. */
	public void schedule() {
		this.clock.onTick(this::tick);
	}

	public RotationPolicy createPolicy(String name, Duration interval, Duration gracePeriod, List<Duration> warnBefore,
			boolean autoGenerate) {
		String id = String.format("rot_%06x%08x", this.sequence.incrementAndGet(), this.random.nextInt() & 0xffffffffL);
		RotationPolicy policy = new RotationPolicy(id, name, interval, gracePeriod, warnBefore, autoGenerate,
				this.clock.now());
		this.policies.put(id, policy);
		this.history.put(id, new ArrayList<>());
		return policy;
	}

	/** @return every policy, ordered by id (ids sort by creation) */
	public List<RotationPolicy> policies() {
		return List.copyOf(this.policies.values());
	}

	public RotationPolicy policy(String id) {
		RotationPolicy policy = this.policies.get(id);
		if (policy == null) {
			throw ApiException.notFound("Rotation policy '" + id + "' does not exist", Map.of("id", id));
		}
		return policy;
	}

	public void deletePolicy(String id) {
		policy(id);
		this.policies.remove(id);
		this.assignments.values().removeIf((assignment) -> assignment.policyId.equals(id));
		this.history.remove(id);
	}

	/**
	 * @param policyId a policy
	 * @return the paths assigned to it, sorted
	 */
	public List<String> assigned(String policyId) {
		return this.assignments.values()
			.stream()
			.filter((assignment) -> assignment.policyId.equals(policyId))
			.map((assignment) -> assignment.path)
			.sorted()
			.toList();
	}

	/**
	 * Assign an existing secret to a policy (again: no change).
	 * @param policyId the policy
	 * @param path the secret path
	 * @return when the secret is due
	 * @throws ApiException {@code not_found} for a missing policy or secret, {@code conflict} when the
	 * secret is assigned to another policy
	 */
	public DueSecret assign(String policyId, String path) {
		RotationPolicy policy = policy(policyId);
		if (this.secrets.find(path).isEmpty()) {
			throw ApiException.notFound("Secret '" + path + "' does not exist; write it before assigning it to a "
					+ "rotation policy", Map.of("path", path));
		}
		Assignment assignment = this.assignments.computeIfAbsent(path,
				(key) -> new Assignment(policyId, path, this.clock.now()));
		if (!assignment.policyId.equals(policyId)) {
			throw ApiException.conflict("Secret '" + path + "' is already assigned to rotation policy '"
					+ assignment.policyId + "'; unassign it there first",
					Map.of("path", path, "policy_id", assignment.policyId));
		}
		return new DueSecret(path, policyId, dueAt(policy, assignment));
	}

	public void unassign(String policyId, String path) {
		policy(policyId);
		Assignment assignment = this.assignments.get(path);
		if (assignment == null || !assignment.policyId.equals(policyId) || !this.assignments.remove(path, assignment)) {
			throw ApiException.notFound("Secret '" + path + "' is not assigned to rotation policy '" + policyId + "'",
					Map.of("path", path, "policy_id", policyId));
		}
	}

	/**
	 * Rotate secrets of a policy now, as if they were due.
	 * @param policyId the policy
	 * @param paths the secret paths, or empty for every assigned secret
	 * @return one result per path
	 * @throws ApiException {@code validation_error} for a path not assigned to the policy
	 */
	public List<TriggerResult> trigger(String policyId, List<String> paths) {
		RotationPolicy policy = policy(policyId);
		List<String> targets = paths.isEmpty() ? assigned(policyId) : paths;
		List<Assignment> selected = new ArrayList<>();
		for (String path : targets) {
			Assignment assignment = this.assignments.get(path);
			if (assignment == null || !assignment.policyId.equals(policyId)) {
				throw ApiException.validation("Secret '" + path + "' is not assigned to rotation policy '" + policyId
						+ "'; assign it first", Map.of("field", "secret_paths", "path", path));
			}
			selected.add(assignment);
		}
		List<TriggerResult> results = new ArrayList<>();
		for (Assignment assignment : selected) {
			synchronized (assignment) {
				results.add(rotate(policy, assignment, this.clock.now(), "triggered"));
			}
		}
		return results;
	}

	/**
	 * @param policyId the policy
	 * @return its rotation history, newest first
	 */
	public List<RotationHistoryEntry> history(String policyId) {
		policy(policyId);
		List<RotationHistoryEntry> entries = this.history.getOrDefault(policyId, List.of());
		synchronized (entries) {
			List<RotationHistoryEntry> result = new ArrayList<>(entries);
			java.util.Collections.reverse(result);
			return result;
		}
	}

	/**
	 * @param within how far ahead to look
	 * @return the assigned secrets due by then, soonest first
	 */
	public List<DueSecret> due(Duration within) {
		Instant until = this.clock.now().plus(within);
		List<DueSecret> result = new ArrayList<>();
		for (Assignment assignment : this.assignments.values()) {
			RotationPolicy policy = this.policies.get(assignment.policyId);
			if (policy == null) {
				continue;
			}
			Instant dueAt = dueAt(policy, assignment);
			if (!dueAt.isAfter(until)) {
				result.add(new DueSecret(assignment.path, policy.id(), dueAt));
			}
		}
		result.sort(Comparator.comparing(DueSecret::dueAt).thenComparing(DueSecret::secretPath));
		return result;
	}

	/**
	 * Act on every assigned secret that is due or within a warning offset of being due.
	 * @param now the current time
	 */
	public void tick(Instant now) {
		for (Assignment assignment : this.assignments.values()) {
			RotationPolicy policy = this.policies.get(assignment.policyId);
			if (policy == null) {
				continue;
			}
			try {
				synchronized (assignment) {
					tick(policy, assignment, now);
				}
			}
			catch (RuntimeException ex) {
				logger.log(System.Logger.Level.WARNING, "Scheduled rotation of '" + assignment.path + "' failed: "
						+ ex.getClass().getName());
			}
		}
	}

	private void tick(RotationPolicy policy, Assignment assignment, Instant now) {
		Instant dueAt = dueAt(policy, assignment);
		if (!dueAt.equals(assignment.cycleDueAt)) {
			assignment.cycleDueAt = dueAt;
			assignment.warned.clear();
			assignment.handled = false;
		}
		if (assignment.handled) {
			return;
		}
		if (!now.isBefore(dueAt)) {
			assignment.handled = true;
			assignment.warned.addAll(policy.warnBefore());
			rotate(policy, assignment, now, "scheduled");
			return;
		}
		for (Duration warnBefore : policy.warnBefore()) {
			if (!now.isBefore(dueAt.minus(warnBefore)) && assignment.warned.add(warnBefore)) {
				Map<String, Object> data = new LinkedHashMap<>();
				data.put("policy_id", policy.id());
				data.put("due_at", Timestamps.format(dueAt));
				data.put("warn_before", Durations.format(warnBefore));
				this.events.publish(new Event("rotation.due", assignment.path, currentVersion(assignment.path), null, data));
			}
		}
	}

	private TriggerResult rotate(RotationPolicy policy, Assignment assignment, Instant now, String reason) {
		String path = assignment.path;
		Optional<SecretVersion> current = this.secrets.find(path);
		if (current.isEmpty()) {
			return failed(policy, path, null, now, "the secret does not exist");
		}
		SecretVersion secret = current.get();
		if (!policy.autoGenerate()) {
			Map<String, Object> data = new LinkedHashMap<>();
			data.put("policy_id", policy.id());
			data.put("due_at", Timestamps.format(dueAt(policy, assignment)));
			data.put("reason", reason);
			this.events.publish(new Event("rotation.due", path, secret.version(), null, data));
			return new TriggerResult(path, "due", secret.version());
		}
		if (!SecretTypes.PASSWORD.equals(secret.secretType())) {
			return failed(policy, path, secret.version(), now, "auto_generate only generates password secrets, this "
					+ "secret is of type " + secret.secretType());
		}
		try {
			var result = this.secrets.rotate(path, null, policy.gracePeriod(), reason);
			record(policy, new RotationHistoryEntry(path, "rotated", now, result.previousVersion(), result.version()));
			return new TriggerResult(path, "rotated", result.version());
		}
		catch (ApiException ex) {
			return failed(policy, path, secret.version(), now, ex.getMessage());
		}
	}

	private TriggerResult failed(RotationPolicy policy, String path, @Nullable Integer version, Instant now,
			@Nullable String reason) {
		record(policy, new RotationHistoryEntry(path, "failed", now, version, null));
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("policy_id", policy.id());
		data.put("reason", String.valueOf(reason));
		this.events.publish(new Event("rotation.failed", path, version, null, data));
		return new TriggerResult(path, "failed", version);
	}

	private void record(RotationPolicy policy, RotationHistoryEntry entry) {
		List<RotationHistoryEntry> entries = this.history.get(policy.id());
		if (entries != null) {
			synchronized (entries) {
				entries.add(entry);
			}
		}
	}

	private @Nullable Integer currentVersion(String path) {
		return this.secrets.find(path).map(SecretVersion::version).orElse(null);
	}

	private Instant dueAt(RotationPolicy policy, Assignment assignment) {
		Instant base = assignment.assignedAt;
		Optional<SecretVersion> secret = this.secrets.find(assignment.path);
		if (secret.isPresent() && secret.get().createdAt().isAfter(base)) {
			base = secret.get().createdAt();
		}
		return base.plus(policy.interval());
	}

	/** One secret assigned to a policy, with the state of its current cycle; guarded by its monitor. */
	private static final class Assignment {

		final String policyId;

		final String path;

		final Instant assignedAt;

		@Nullable Instant cycleDueAt;

		final Set<Duration> warned = new HashSet<>();

		boolean handled;

		Assignment(String policyId, String path, Instant assignedAt) {
			this.policyId = policyId;
			this.path = path;
			this.assignedAt = assignedAt;
		}

	}

}
