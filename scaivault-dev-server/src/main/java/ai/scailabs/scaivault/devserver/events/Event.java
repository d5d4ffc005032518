package ai.scailabs.scaivault.devserver.events;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Something that happened, to be delivered to matching subscriptions. Never holds a secret value.
 *
 * @param type event type, such as {@code secret.rotated}
 * @param path secret or resource path the event is about
 * @param version version after the change, if any
 * @param previousVersion version before the change, if any
 * @param data other non-secret facts (a lease id, a serial number, a reason)
 */
public record Event(String type, String path, @Nullable Integer version, @Nullable Integer previousVersion,
		Map<String, Object> data) {

	public Event {
		data = Map.copyOf(data);
	}

}
