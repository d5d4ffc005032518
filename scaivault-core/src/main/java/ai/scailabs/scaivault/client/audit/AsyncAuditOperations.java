package ai.scailabs.scaivault.client.audit;

import java.util.concurrent.CompletableFuture;

import tools.jackson.core.type.TypeReference;

import ai.scailabs.scaivault.client.Page;
import ai.scailabs.scaivault.client.http.ApiRequest;
import ai.scailabs.scaivault.client.http.ApiTransport;
import ai.scailabs.scaivault.client.http.Endpoints;
import ai.scailabs.scaivault.client.http.Futures;

/**
 * Audit log queries, asynchronously: every method returns a {@code CompletableFuture}.
 */
public final class AsyncAuditOperations {

	private static final TypeReference<Page<AuditEntry>> ENTRY_PAGE = new TypeReference<>() {
	};

	private final ApiTransport transport;

	public AsyncAuditOperations(ApiTransport transport) {
		this.transport = transport;
	}

	/**
	 * Read one page of audit entries.
	 * @param query which entries; for the next page, the same query
	 * {@link AuditQuery#withCursor(String) with the cursor} of this one
	 * @return the page
	 */
	public CompletableFuture<Page<AuditEntry>> query(AuditQuery query) {
		return Futures.checked(() -> {
			ApiRequest request = ApiRequest.get("audit.query", Endpoints.audit())
				.query("path", query.path())
				.query("identity_id", query.identityId())
				.query("action", query.action())
				.query("since", query.since())
				.query("limit", query.limit())
				.query("cursor", query.cursor());
			return this.transport.send(request, ENTRY_PAGE);
		});
	}

}
