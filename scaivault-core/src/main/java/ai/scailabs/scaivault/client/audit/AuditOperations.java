package ai.scailabs.scaivault.client.audit;

import ai.scailabs.scaivault.client.Page;
import ai.scailabs.scaivault.client.http.Blocking;

/**
 * Audit log queries, blocking: the same methods as {@link AsyncAuditOperations}, waiting for the
 * answer.
 */
public final class AuditOperations {

	private final AsyncAuditOperations async;

	public AuditOperations(AsyncAuditOperations async) {
		this.async = async;
	}

	/**
	 * Read one page of audit entries.
	 * @param query which entries
	 * @return the page
	 */
	public Page<AuditEntry> query(AuditQuery query) {
		return Blocking.join(this.async.query(query));
	}

}
