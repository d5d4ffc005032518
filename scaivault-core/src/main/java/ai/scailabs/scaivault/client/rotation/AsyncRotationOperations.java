package ai.scailabs.scaivault.client.rotation;

import ai.scailabs.scaivault.client.http.ApiTransport;

/**
 * Rotation policies: create, assign secrets, trigger, history, due, asynchronously: every method returns a {@code CompletableFuture}.
 */
public final class AsyncRotationOperations {

	private final ApiTransport transport;

	public AsyncRotationOperations(ApiTransport transport) {
		this.transport = transport;
	}

}
