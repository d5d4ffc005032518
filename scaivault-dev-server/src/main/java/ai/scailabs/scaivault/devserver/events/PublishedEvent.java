package ai.scailabs.scaivault.devserver.events;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * An event as delivered: the published {@link Event} stamped with an id and a time.
 *
 * @param id the event id, such as {@code evt_...}
 * @param type the event type
 * @param path the path the event is about
 * @param version the version after the change, if any
 * @param previousVersion the version before the change, if any
 * @param occurredAt when it happened, on the dev server's clock
 * @param data other non-secret facts
 */
public record PublishedEvent(String id, String type, String path, @Nullable Integer version,
		@Nullable Integer previousVersion, Instant occurredAt, Map<String, Object> data) {

	public PublishedEvent {
		data = Map.copyOf(data);
	}

}
