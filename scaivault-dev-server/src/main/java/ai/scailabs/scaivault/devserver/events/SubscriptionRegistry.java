package ai.scailabs.scaivault.devserver.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The subscriptions of the dev server, ordered by id (ids sort by creation).
 */
public final class SubscriptionRegistry {

	private final ConcurrentSkipListMap<String, Subscription> subscriptions = new ConcurrentSkipListMap<>();

	public void add(Subscription subscription) {
		this.subscriptions.put(subscription.id(), subscription);
	}

	public Optional<Subscription> get(String id) {
		return Optional.ofNullable(this.subscriptions.get(id));
	}

	/**
	 * @param id a subscription id
	 * @return whether it existed
	 */
	public boolean remove(String id) {
		return this.subscriptions.remove(id) != null;
	}

	/** @return every subscription, ordered by id */
	public List<Subscription> all() {
		return List.copyOf(this.subscriptions.values());
	}

	/**
	 * @param type an event type
	 * @param path the event's path
	 * @return the subscriptions that want the event
	 */
	public List<Subscription> matching(String type, String path) {
		List<Subscription> result = new ArrayList<>();
		for (Subscription subscription : this.subscriptions.values()) {
			if (subscription.matches(type, path)) {
				result.add(subscription);
			}
		}
		return result;
	}

}
