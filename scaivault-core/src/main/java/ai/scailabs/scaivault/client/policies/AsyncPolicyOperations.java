package ai.scailabs.scaivault.client.policies;

import ai.scailabs.scaivault.client.http.ApiTransport;

/**
 * Policies: create, get, list, delete, bind, unbind, test, asynchronously: every method returns a {@code CompletableFuture}.
 */
public final class AsyncPolicyOperations {

	private final ApiTransport transport;

	public AsyncPolicyOperations(ApiTransport transport) {
		this.transport = transport;
	}

}
