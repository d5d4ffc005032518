package ai.scailabs.scaivault.client.acme;

import ai.scailabs.scaivault.client.http.ApiTransport;

/**
 * ACME: accounts and orders, asynchronously: every method returns a {@code CompletableFuture}.
 */
public final class AsyncAcmeOperations {

	private final ApiTransport transport;

	public AsyncAcmeOperations(ApiTransport transport) {
		this.transport = transport;
	}

}
