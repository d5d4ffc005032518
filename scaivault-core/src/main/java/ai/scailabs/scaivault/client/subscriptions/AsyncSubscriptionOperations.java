package ai.scailabs.scaivault.client.subscriptions;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;

import ai.scailabs.scaivault.client.Page;
import ai.scailabs.scaivault.client.ValidationException;
import ai.scailabs.scaivault.client.http.ApiRequest;
import ai.scailabs.scaivault.client.http.ApiTransport;
import ai.scailabs.scaivault.client.http.Endpoints;
import ai.scailabs.scaivault.client.http.Futures;

/**
 * Event subscriptions: create, list, delete, asynchronously: every method returns a
 * {@code CompletableFuture}.
 */
public final class AsyncSubscriptionOperations {

	private static final TypeReference<Page<Subscription>> SUBSCRIPTION_PAGE = new TypeReference<>() {
	};

	private final ApiTransport transport;

	public AsyncSubscriptionOperations(ApiTransport transport) {
		this.transport = transport;
	}

	/**
	 * Subscribe to events on secret paths.
	 * @param name unique name
	 * @param paths secret paths or patterns ({@code *}, {@code **}) to watch
	 * @param events event types, such as {@link EventTypes#SECRET_ROTATED}
	 * @param delivery where to deliver them
	 * @return the subscription
	 */
	public CompletableFuture<Subscription> create(String name, List<String> paths, List<String> events,
			WebhookDelivery delivery) {
		return Futures.checked(() -> {
			if (paths.isEmpty() || events.isEmpty()) {
				throw new ValidationException("validation_error", "Subscription '" + name
						+ "' needs at least one path and one event type (paths=" + paths + ", events=" + events + ")",
						Map.of(), null, 0);
			}
			CreateBody body = new CreateBody(name, List.copyOf(paths), List.copyOf(events), delivery);
			return this.transport.send(ApiRequest.post("subscriptions.create", Endpoints.subscriptions(), body),
					Subscription.class);
		});
	}

	/**
	 * List the first page of subscriptions.
	 * @return the page
	 */
	public CompletableFuture<Page<Subscription>> list() {
		return list(null, null);
	}

	/**
	 * List subscriptions.
	 * @param limit page size, or {@code null}
	 * @param cursor cursor of the previous page, or {@code null}
	 * @return the page
	 */
	public CompletableFuture<Page<Subscription>> list(@Nullable Integer limit, @Nullable String cursor) {
		return Futures.checked(() -> {
			ApiRequest request = ApiRequest.get("subscriptions.list", Endpoints.subscriptions())
				.query("limit", limit)
				.query("cursor", cursor);
			return this.transport.send(request, SUBSCRIPTION_PAGE);
		});
	}

	/**
	 * Delete a subscription; no more events are delivered for it.
	 * @param subscriptionId the subscription id
	 * @return completes when deleted
	 */
	public CompletableFuture<Void> delete(String subscriptionId) {
		return Futures.checked(() -> this.transport.send(
				ApiRequest.delete("subscriptions.delete", Endpoints.subscription(subscriptionId)), Void.class));
	}

	/**
	 * Body of the create-subscription request.
	 * @param name unique name of the subscription
	 * @param paths path patterns to watch
	 * @param events event types to deliver
	 * @param delivery where and how to deliver
	 */
	private record CreateBody(String name, List<String> paths, List<String> events, WebhookDelivery delivery) {

		@Override
		public String toString() {
			return "CreateBody[name=" + this.name + ", delivery=" + this.delivery + "]";
		}

	}

}
