package ai.scailabs.scaivault.client.pki;

import ai.scailabs.scaivault.client.http.ApiTransport;

/**
 * PKI: certificate authorities, roles, issue, CSRs, revoke, validate, asynchronously: every method returns a {@code CompletableFuture}.
 */
public final class AsyncPkiOperations {

	private final ApiTransport transport;

	public AsyncPkiOperations(ApiTransport transport) {
		this.transport = transport;
	}

}
