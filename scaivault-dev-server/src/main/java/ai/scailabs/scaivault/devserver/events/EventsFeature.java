package ai.scailabs.scaivault.devserver.events;

import java.time.Duration;

import ai.scailabs.scaivault.devserver.DevServerContext;
import ai.scailabs.scaivault.devserver.http.Routes;

/**
 * Wires the events feature into the dev server: the subscription endpoints and the webhook sink,
 * which receives every event published to the context's event hub.
 */
public final class EventsFeature {

	private EventsFeature() {
	}

	/**
	 * @param context the server context
	 * @param routes where to register the routes
	 * @param retryBaseDelay the delay before the first webhook retry (1 s in the contract; a few
	 * milliseconds in tests)
	 * @return the webhook sink
	 */
	public static WebhookEventSink register(DevServerContext context, Routes routes, Duration retryBaseDelay) {
		SubscriptionRegistry registry = new SubscriptionRegistry();
		WebhookDelivery delivery = new WebhookDelivery(retryBaseDelay, WebhookDelivery.DEFAULT_MAX_ATTEMPTS,
				WebhookDelivery.DEFAULT_TIMEOUT);
		WebhookEventSink sink = new WebhookEventSink(registry, context.clock(), context.json(), delivery);
		context.events().subscribe(sink);
		context.onClose(sink);
		new SubscriptionsApi(registry, context.accessControl(), context.clock()).register(routes);
		return sink;
	}

}
