package ai.scailabs.scaivault.client.subscriptions;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A subscription to events on secret paths.
 *
 * @param id subscription id, such as {@code sub_...}
 * @param name unique name
 * @param paths secret paths or path patterns it covers
 * @param events event types it delivers, such as {@code secret.rotated}
 * @param delivery where it delivers them; its {@code toString()} hides the secret
 * @param createdAt when it was created
 */
public record Subscription(String id, @Nullable String name, List<String> paths, List<String> events,
		@Nullable WebhookDelivery delivery, @Nullable Instant createdAt) {

	public Subscription {
		paths = (paths != null) ? List.copyOf(paths) : List.of();
		events = (events != null) ? List.copyOf(events) : List.of();
	}

}
