package ai.scailabs.scaivault.client.subscriptions;

import java.util.List;

import org.jspecify.annotations.Nullable;

import ai.scailabs.scaivault.client.Page;
import ai.scailabs.scaivault.client.http.Blocking;

/**
 * Event subscriptions: create, list, delete, blocking: the same methods as
 * {@link AsyncSubscriptionOperations}, waiting for the answer.
 */
public final class SubscriptionOperations {

	private final AsyncSubscriptionOperations async;

	public SubscriptionOperations(AsyncSubscriptionOperations async) {
		this.async = async;
	}

	/**
	 * Subscribe to events on secret paths.
	 * @param name unique name
	 * @param paths secret paths or patterns to watch
	 * @param events event types
	 * @param delivery where to deliver them
	 * @return the subscription
	 */
	public Subscription create(String name, List<String> paths, List<String> events, WebhookDelivery delivery) {
		return Blocking.join(this.async.create(name, paths, events, delivery));
	}

	/**
	 * List the first page of subscriptions.
	 * @return the page
	 */
	public Page<Subscription> list() {
		return Blocking.join(this.async.list());
	}

	/**
	 * List subscriptions.
	 * @param limit page size, or {@code null}
	 * @param cursor cursor of the previous page, or {@code null}
	 * @return the page
	 */
	public Page<Subscription> list(@Nullable Integer limit, @Nullable String cursor) {
		return Blocking.join(this.async.list(limit, cursor));
	}

	/**
	 * Delete a subscription.
	 * @param subscriptionId the subscription id
	 */
	public void delete(String subscriptionId) {
		Blocking.join(this.async.delete(subscriptionId));
	}

}
