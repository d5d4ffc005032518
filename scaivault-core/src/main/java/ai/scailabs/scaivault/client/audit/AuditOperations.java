package ai.scailabs.scaivault.client.audit;

/**
 * Audit log queries, blocking: the same methods as {@link AsyncAuditOperations}, waiting for the answer.
 */
public final class AuditOperations {

	private final AsyncAuditOperations async;

	public AuditOperations(AsyncAuditOperations async) {
		this.async = async;
	}

}
