package ai.scailabs.scaivault.client.secrets;

import ai.scailabs.scaivault.client.http.ApiTransport;

/**
 * Secrets: read, write, list, rotate and batch read, asynchronously: every method returns a {@code CompletableFuture}.
 */
public final class AsyncSecretOperations {

	private final ApiTransport transport;

	public AsyncSecretOperations(ApiTransport transport) {
		this.transport = transport;
	}

}
