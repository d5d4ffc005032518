package ai.scailabs.scaivault.client.audit;

import ai.scailabs.scaivault.client.http.ApiTransport;

/**
 * Audit log queries, asynchronously: every method returns a {@code CompletableFuture}.
 */
public final class AsyncAuditOperations {

	private final ApiTransport transport;

	public AsyncAuditOperations(ApiTransport transport) {
		this.transport = transport;
	}

}
