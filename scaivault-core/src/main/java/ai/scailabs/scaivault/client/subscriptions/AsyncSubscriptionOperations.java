package ai.scailabs.scaivault.client.subscriptions;

import ai.scailabs.scaivault.client.http.ApiTransport;

/**
 * Event subscriptions: create, list, delete, asynchronously: every method returns a {@code CompletableFuture}.
 */
public final class AsyncSubscriptionOperations {

	private final ApiTransport transport;

	public AsyncSubscriptionOperations(ApiTransport transport) {
		this.transport = transport;
	}

}
