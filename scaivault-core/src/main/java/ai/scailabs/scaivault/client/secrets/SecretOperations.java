package ai.scailabs.scaivault.client.secrets;

/**
 * Secrets: read, write, list, rotate and batch read, blocking: the same methods as {@link AsyncSecretOperations}, waiting for the answer.
 */
public final class SecretOperations {

	private final AsyncSecretOperations async;

	public SecretOperations(AsyncSecretOperations async) {
		this.async = async;
	}

}
