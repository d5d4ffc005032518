package ai.scailabs.scaivault.client.rotation;

/**
 * Rotation policies: create, assign secrets, trigger, history, due, blocking: the same methods as {@link AsyncRotationOperations}, waiting for the answer.
 */
public final class RotationOperations {

	private final AsyncRotationOperations async;

	public RotationOperations(AsyncRotationOperations async) {
		this.async = async;
	}

}
