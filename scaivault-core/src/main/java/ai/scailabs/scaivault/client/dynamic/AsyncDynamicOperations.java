package ai.scailabs.scaivault.client.dynamic;

import ai.scailabs.scaivault.client.http.ApiTransport;

/**
 * Dynamic secrets: generate credentials, renew and revoke leases, asynchronously: every method returns a {@code CompletableFuture}.
 */
public final class AsyncDynamicOperations {

	private final ApiTransport transport;

	public AsyncDynamicOperations(ApiTransport transport) {
		this.transport = transport;
	}

}
