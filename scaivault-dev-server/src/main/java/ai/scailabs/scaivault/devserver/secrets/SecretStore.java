package ai.scailabs.scaivault.devserver.secrets;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Function;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

import ai.scailabs.scaivault.devserver.events.Event;
import ai.scailabs.scaivault.devserver.events.EventSink;
import ai.scailabs.scaivault.devserver.http.ApiException;
import ai.scailabs.scaivault.devserver.time.DevClock;

/**
 * The in-memory versioned secret store. Every path has its own lock, so that requests on
 * different paths never wait for each other; listings walk a sorted concurrent map without
 * locking it as a whole.
 *
 * <p>Every change publishes one event ({@code secret.created}, {@code secret.updated},
 * {@code secret.rotated} or {@code secret.deleted}) with the path and versions, never a value.
 * Paths are expected to be validated by the caller ({@link SecretPaths}).
 */
public final class SecretStore {

	/** Idempotency keys remembered per path: far more than a client's retries of one write. */
	static final int MAX_IDEMPOTENCY_KEYS = 100;

	private final ConcurrentSkipListMap<String, Entry> entries = new ConcurrentSkipListMap<>();

	private final DevClock clock;

	private final EventSink events;

	private final PasswordGenerator passwords = new PasswordGenerator();

	public SecretStore(DevClock clock, EventSink events) {
		this.clock = clock;
		this.events = events;
	}

	/**
	 * Write the next version of a secret, creating it or reviving a soft-deleted one.
	 * @param path the secret path
	 * @param data the values
	 * @param secretType the type, or {@code null} for {@code json} (a new secret) or the current type
	 * @param metadata the metadata, or {@code null} to keep the current one
	 * @param maxVersions how many versions to keep from now on, or {@code null} to keep the setting
	 * @param cas the version the secret must currently have ({@code 0}: it must not exist), or
	 * {@code null} for no check
	 * @return the version written
	 * @throws ApiException {@code conflict} when {@code cas} does not match
	 */
	public WriteResult write(String path, ObjectNode data, @Nullable String secretType,
			@Nullable SecretMetadata metadata, @Nullable Integer maxVersions, @Nullable Integer cas) {
		return write(path, data, secretType, metadata, maxVersions, cas, null);
	}

	/**
	 * Write the next version of a secret, once per idempotency key: a write repeated with a key
	 * this path has seen (a client's retry after a timeout) writes nothing and answers the first
	 * write's result.
	 * @param path the secret path
	 * @param data the values
	 * @param secretType the type, or {@code null} for {@code json} (a new secret) or the current type
	 * @param metadata the metadata, or {@code null} to keep the current one
	 * @param maxVersions how many versions to keep from now on, or {@code null} to keep the setting
	 * @param cas the version the secret must currently have ({@code 0}: it must not exist), or
	 * {@code null} for no check
	 * @param idempotencyKey the {@code Idempotency-Key} of the request, or {@code null}
	 * @return the version written, or the one the first write with the same key wrote
	 * @throws ApiException {@code conflict} when {@code cas} does not match
	 */
	public WriteResult write(String path, ObjectNode data, @Nullable String secretType,
			@Nullable SecretMetadata metadata, @Nullable Integer maxVersions, @Nullable Integer cas,
			@Nullable String idempotencyKey) {
		return mutate(path, true, (entry) -> {
			WriteResult earlier = (idempotencyKey != null) ? entry.writes.get(idempotencyKey) : null;
			if (earlier != null) {
				return earlier;
			}
			int current = entry.visible() ? entry.current : 0;
			if (cas != null && cas != current) {
				throw ApiException.conflict("Check-and-set failed for secret '" + path + "': expected version " + cas
						+ " but the current version is " + current, Map.of("path", path, "cas", cas, "current_version", current));
			}
			boolean created = !entry.visible();
			Instant now = this.clock.now();
			int previous = entry.current;
			if (entry.current == 0) {
				entry.createdAt = now;
				entry.secretType = SecretTypes.JSON;
			}
			if (secretType != null) {
				entry.secretType = secretType;
			}
			if (metadata != null) {
				entry.metadata = metadata;
			}
			if (maxVersions != null) {
				entry.maxVersions = maxVersions;
			}
			entry.deleted = false;
			int version = entry.append(data.deepCopy(), now);
			this.events.publish(new Event(created ? "secret.created" : "secret.updated", path, version,
					(previous > 0) ? previous : null, Map.of("secret_type", entry.secretType)));
			WriteResult result = new WriteResult(path, version, now);
			if (idempotencyKey != null) {
				entry.writes.put(idempotencyKey, result);
			}
			return result;
		});
	}

	/**
	 * Read the current version of a secret or an explicit one.
	 * @param path the secret path
	 * @param version the version, or {@code null} for the current one
	 * @return the version
	 * @throws ApiException {@code not_found} for a missing or soft-deleted secret, a pruned or unknown
	 * version, and a rotated-away version whose grace period has ended
	 */
	public SecretVersion read(String path, @Nullable Integer version) {
		Entry entry = this.entries.get(path);
		if (entry == null) {
			throw notFound(path);
		}
		synchronized (entry) {
			if (!entry.visible()) {
				throw notFound(path);
			}
			int wanted = (version != null) ? version : entry.current;
			Stored stored = entry.versions.get(wanted);
			if (stored == null) {
				throw ApiException.notFound("Secret '" + path + "' has no version " + wanted
						+ " (the current version is " + entry.current + "; older versions may have been pruned)",
						Map.of("path", path, "version", wanted));
			}
			if (stored.readableUntil() != null && !this.clock.now().isBefore(stored.readableUntil())) {
				throw ApiException.notFound("Version " + wanted + " of secret '" + path
						+ "' was rotated away and its grace period ended at " + stored.readableUntil(),
						Map.of("path", path, "version", wanted));
			}
			return new SecretVersion(path, wanted, stored.data().deepCopy(), entry.secretType, entry.metadata,
					stored.createdAt(), entry.updatedAt);
		}
	}

	/**
	 * Return the current version of a secret, if it exists and is not deleted.
	 * @param path the secret path
	 * @return the current version
	 */
	public Optional<SecretVersion> find(String path) {
		try {
			return Optional.of(read(path, null));
		}
		catch (ApiException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Replace the metadata of a secret, leaving its values and versions alone.
	 * @param path the secret path
	 * @param metadata the new metadata
	 * @return the secret's metadata after the change
	 */
	public SecretMetadata updateMetadata(String path, SecretMetadata metadata) {
		return mutate(path, false, (entry) -> {
			if (!entry.visible()) {
				throw notFound(path);
			}
			entry.metadata = metadata;
			entry.updatedAt = this.clock.now();
			return entry.metadata;
		});
	}

	/**
	 * Delete a secret: soft (reads answer {@code not_found}, versions are kept, the next write
	 * revives it) or permanent (every version is destroyed).
	 * @param path the secret path
	 * @param permanent whether to destroy every version
	 */
	public void delete(String path, boolean permanent) {
		mutate(path, false, (entry) -> {
			if (entry.current == 0 || (entry.deleted && !permanent)) {
				throw notFound(path);
			}
			int version = entry.current;
			entry.deleted = true;
			entry.updatedAt = this.clock.now();
			if (permanent) {
				entry.destroyed = true;
				entry.versions.clear();
				this.entries.remove(path, entry);
			}
			this.events.publish(new Event("secret.deleted", path, version, null, Map.of("permanent", permanent)));
			return null;
		});
	}

	/**
	 * Rotate a secret: write the new value, or a generated one for a password secret, as the next
	 * version, and keep the previous version readable by explicit version until the grace period
	 * ends.
	 * <p>A generated password replaces the {@code password} field of the current data, else its
	 * only field, else it is stored as {@code value}.
	 * @param path the secret path
	 * @param newValue the new values, or {@code null} to generate a password
	 * @param gracePeriod how long the previous version stays readable
	 * @param reason why, for the event (such as {@code compromise} or {@code scheduled})
	 * @return the versions and the end of the grace period
	 * @throws ApiException {@code validation_error} without a new value for a secret that is not
	 * a password, {@code not_found} for a missing secret
	 */
	public RotationResult rotate(String path, @Nullable ObjectNode newValue, Duration gracePeriod,
			@Nullable String reason) {
		return mutate(path, false, (entry) -> {
			if (!entry.visible()) {
				throw notFound(path);
			}
			ObjectNode data;
			if (newValue != null) {
				data = newValue.deepCopy();
			}
			else if (SecretTypes.PASSWORD.equals(entry.secretType)) {
				data = generated(entry.versions.get(entry.current).data());
			}
			else {
				throw ApiException.validation("Secret '" + path + "' is of type " + entry.secretType
						+ "; only password secrets can be rotated without 'new_value'",
						Map.of("path", path, "field", "new_value", "secret_type", entry.secretType));
			}
			Instant now = this.clock.now();
			Instant graceEnds = now.plus(gracePeriod);
			int previous = entry.current;
			Stored old = entry.versions.get(previous);
			entry.versions.put(previous, new Stored(old.data(), old.createdAt(), graceEnds));
			int version = entry.append(data, now);
			Map<String, Object> eventData = new HashMap<>();
			eventData.put("grace_period_ends_at", Timestamps.format(graceEnds));
			if (reason != null) {
				eventData.put("reason", reason);
			}
			this.events.publish(new Event("secret.rotated", path, version, previous, eventData));
			return new RotationResult(path, version, previous, graceEnds);
		});
	}

	/**
	 * List the current secrets under a prefix, ordered by path.
	 * @param prefix the path prefix (plain text, such as {@code environments/production/}), may be empty
	 * @param limit the page size
	 * @param cursor the cursor of a previous page, or {@code null} for the first page
	 * @param visible which paths the caller may see
	 * @return the page
	 * @throws ApiException {@code validation_error} for a cursor this store did not make
	 */
	public SecretPage list(String prefix, int limit, @Nullable String cursor, Predicate<String> visible) {
		NavigableMap<String, Entry> candidates = (cursor != null) ? this.entries.tailMap(decodeCursor(cursor), false)
				: this.entries.tailMap(prefix, true);
		List<SecretSummary> page = new ArrayList<>();
		boolean hasMore = false;
		for (Map.Entry<String, Entry> candidate : candidates.entrySet()) {
			String path = candidate.getKey();
			if (!path.startsWith(prefix)) {
				if (path.compareTo(prefix) > 0) {
					break;
				}
				continue;
			}
			SecretSummary summary = candidate.getValue().summary(path);
			if (summary == null || !visible.test(path)) {
				continue;
			}
			if (page.size() == limit) {
				hasMore = true;
				break;
			}
			page.add(summary);
		}
		String next = hasMore ? encodeCursor(page.get(page.size() - 1).path()) : null;
		return new SecretPage(page, hasMore, next);
	}

	private ObjectNode generated(ObjectNode current) {
		ObjectNode data = current.deepCopy();
		String password = this.passwords.generate();
		if (data.has("password")) {
			data.put("password", password);
		}
		else if (data.size() == 1) {
			data.put(data.propertyNames().iterator().next(), password);
		}
		else {
			data.removeAll();
			data.put("value", password);
		}
		return data;
	}

	private <T> T mutate(String path, boolean create, Function<Entry, T> action) {
		while (true) {
			Entry entry = create ? this.entries.computeIfAbsent(path, (key) -> new Entry()) : this.entries.get(path);
			if (entry == null) {
				throw notFound(path);
			}
			synchronized (entry) {
				if (entry.destroyed) {
					continue;
				}
				try {
					return action.apply(entry);
				}
				finally {
					if (entry.current == 0 && !entry.destroyed) {
						entry.destroyed = true;
						this.entries.remove(path, entry);
					}
				}
			}
		}
	}

	private static String encodeCursor(String path) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(("p:" + path).getBytes(StandardCharsets.UTF_8));
	}

	private static String decodeCursor(String cursor) {
		try {
			String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
			if (decoded.startsWith("p:")) {
				return decoded.substring(2);
			}
		}
		catch (IllegalArgumentException ex) {
			// fall through
		}
		throw ApiException.validation("Parameter 'cursor' is not a cursor of this listing; pass the 'cursor' of the "
				+ "previous page unchanged", Map.of("field", "cursor"));
	}

	private static ApiException notFound(String path) {
		return ApiException.notFound("Secret '" + path + "' does not exist", Map.of("path", path));
	}

	/** One stored version; {@code readableUntil} is set once it is rotated away. */
	private record Stored(ObjectNode data, Instant createdAt, @Nullable Instant readableUntil) {

		@Override
		public String toString() {
			return "Stored[createdAt=" + this.createdAt + "]";
		}

	}

	/** The versions of one path; guarded by its own monitor. */
	private static final class Entry {

		final TreeMap<Integer, Stored> versions = new TreeMap<>();

		/** The latest writes by idempotency key, so that a retried write acts once. */
		final Map<String, WriteResult> writes = new LinkedHashMap<>(16, 0.75f, false) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, WriteResult> eldest) {
				return size() > MAX_IDEMPOTENCY_KEYS;
			}

		};

		int current;

		String secretType = SecretTypes.JSON;

		SecretMetadata metadata = SecretMetadata.EMPTY;

		Instant createdAt = Instant.EPOCH;

		Instant updatedAt = Instant.EPOCH;

		int maxVersions;

		boolean deleted;

		boolean destroyed;

		boolean visible() {
			return !this.destroyed && !this.deleted && this.current > 0;
		}

		int append(ObjectNode data, Instant now) {
			this.current++;
			this.versions.put(this.current, new Stored(data, now, null));
			this.updatedAt = now;
			while (this.maxVersions > 0 && this.versions.size() > this.maxVersions) {
				this.versions.pollFirstEntry();
			}
			return this.current;
		}

		synchronized @Nullable SecretSummary summary(String path) {
			return visible() ? new SecretSummary(path, this.current, this.secretType, this.updatedAt) : null;
		}

	}

}
