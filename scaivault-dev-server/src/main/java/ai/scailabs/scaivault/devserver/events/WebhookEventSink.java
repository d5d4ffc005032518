package ai.scailabs.scaivault.devserver.events;

import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import tools.jackson.databind.ObjectMapper;

import ai.scailabs.scaivault.devserver.secrets.Timestamps;
import ai.scailabs.scaivault.devserver.time.DevClock;

/**
 * The dev server's {@link EventSink}: stamps each event with an id ({@code evt_...}) and
 * {@code occurred_at} (the {@link DevClock}), keeps the most recent ones for inspection, and hands
 * one signed delivery per matching subscription to {@link WebhookDelivery}. Publishing never waits
 * for a receiver.
 */
public final class WebhookEventSink implements EventSink, AutoCloseable {

	private static final int RECENT = 1000;

	private final SubscriptionRegistry subscriptions;

	private final DevClock clock;

	private final ObjectMapper json;

	private final WebhookDelivery delivery;

	private final SecureRandom random = new SecureRandom();

	private final Deque<PublishedEvent> recent = new ArrayDeque<>();

	public WebhookEventSink(SubscriptionRegistry subscriptions, DevClock clock, ObjectMapper json,
			WebhookDelivery delivery) {
		this.subscriptions = subscriptions;
		this.clock = clock;
		this.json = json;
		this.delivery = delivery;
	}

	@Override
	public void publish(Event event) {
		PublishedEvent published = new PublishedEvent(id("evt_"), event.type(), event.path(), event.version(),
				event.previousVersion(), this.clock.now(), event.data());
		synchronized (this.recent) {
			if (this.recent.size() == RECENT) {
				this.recent.removeFirst();
			}
			this.recent.addLast(published);
		}
		List<Subscription> targets = this.subscriptions.matching(event.type(), event.path());
		if (targets.isEmpty()) {
			return;
		}
		byte[] body = this.json.writeValueAsBytes(body(published));
		for (Subscription subscription : targets) {
			this.delivery.deliver(subscription, published.type(), id("dlv_"), body);
		}
	}

	/** @return the most recent events, oldest first (at most 1000) */
	public List<PublishedEvent> recentEvents() {
		synchronized (this.recent) {
			return List.copyOf(this.recent);
		}
	}

	/**
	 * @param filter which events
	 * @return the most recent events that pass the filter, oldest first
	 */
	public List<PublishedEvent> recentEvents(Predicate<PublishedEvent> filter) {
		return recentEvents().stream().filter(filter).toList();
	}

	/** @return the delivery engine (for its counters) */
	public WebhookDelivery delivery() {
		return this.delivery;
	}

	/**
	 * @param event an event
	 * @return the delivery body {@code {"id", "type", "path", "version", "previous_version",
	 * "occurred_at", "data"}}
	 */
	static Map<String, Object> body(PublishedEvent event) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", event.id());
		body.put("type", event.type());
		body.put("path", event.path());
		body.put("version", event.version());
		body.put("previous_version", event.previousVersion());
		body.put("occurred_at", Timestamps.format(event.occurredAt()));
		body.put("data", event.data());
		return body;
	}

	private String id(String prefix) {
		byte[] bytes = new byte[12];
		this.random.nextBytes(bytes);
		return prefix + HexFormat.of().formatHex(bytes);
	}

	@Override
	public void close() {
		this.delivery.close();
	}

}
