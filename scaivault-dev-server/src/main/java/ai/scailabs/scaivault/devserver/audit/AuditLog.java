package ai.scailabs.scaivault.devserver.audit;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Predicate;

import ai.scailabs.scaivault.devserver.http.ApiRequest;
import ai.scailabs.scaivault.devserver.time.DevClock;

/**
 * The audit trail: one entry per authorization check, allowed or denied. Keeps the newest
 * {@value #CAPACITY} entries in memory.
 */
public final class AuditLog {

	/** How many entries the log keeps. */
	public static final int CAPACITY = 100_000;

	private final ArrayDeque<AuditEntry> entries = new ArrayDeque<>();

	/** The id of the newest entry; guarded by {@link #entries}. */
	private long sequence;

	private final DevClock clock;

	public AuditLog(DevClock clock) {
		this.clock = clock;
	}

	/**
	 * Record a check.
	 * @param request the request
	 * @param action the permission checked
	 * @param path the path
	 * @param allowed whether it was allowed
	 * @return the entry
	 */
	public AuditEntry record(ApiRequest request, String action, String path, boolean allowed) {
		return record(request.principal().identityId(), action, path, request.remoteAddress().getHostAddress(),
				allowed, request.requestId());
	}

	/**
	 * Record a check.
	 * @param identityId the caller
	 * @param action the permission checked
	 * @param path the path
	 * @param sourceIp the caller's address
	 * @param allowed whether it was allowed
	 * @param requestId the request id
	 * @return the entry
	 */
	public AuditEntry record(String identityId, String action, String path, String sourceIp, boolean allowed,
			String requestId) {
		// The id is taken under the same lock as the append, so that entries stay in id order
		// and cursor pages (which resume after an id) never skip an entry.
		synchronized (this.entries) {
			String id = String.format("aud_%016d", ++this.sequence);
			AuditEntry entry = new AuditEntry(id, this.clock.now(), identityId, action, path, sourceIp,
					allowed ? "allowed" : "denied", requestId);
			this.entries.add(entry);
			if (this.entries.size() > CAPACITY) {
				this.entries.pollFirst();
			}
			return entry;
		}
	}

	/** @return every entry, oldest first */
	public List<AuditEntry> entries() {
		synchronized (this.entries) {
			return List.copyOf(this.entries);
		}
	}

	/**
	 * @param filter which entries
	 * @return the matching entries, oldest first
	 */
	public List<AuditEntry> entries(Predicate<AuditEntry> filter) {
		return entries().stream().filter(filter).toList();
	}

	/**
	 * @param since the earliest time
	 * @return entries at or after it
	 */
	public List<AuditEntry> since(Instant since) {
		return entries((entry) -> !entry.timestamp().isBefore(since));
	}

}
