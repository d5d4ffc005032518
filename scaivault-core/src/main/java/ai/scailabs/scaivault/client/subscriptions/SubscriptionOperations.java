package ai.scailabs.scaivault.client.subscriptions;

/**
 * Event subscriptions: create, list, delete, blocking: the same methods as {@link AsyncSubscriptionOperations}, waiting for the answer.
 */
public final class SubscriptionOperations {

	private final AsyncSubscriptionOperations async;

	public SubscriptionOperations(AsyncSubscriptionOperations async) {
		this.async = async;
	}

}
