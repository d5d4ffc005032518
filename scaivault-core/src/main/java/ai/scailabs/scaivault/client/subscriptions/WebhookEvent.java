package ai.scailabs.scaivault.client.subscriptions;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One event as a subscription delivers it (contract section 7). It never holds a secret value, so
 * it may be logged and published as it is; {@link #data()} carries the event type's own fields, such
 * as {@code lease_id} for {@code lease.revoked} or {@code serial_number} for
 * {@code certificate.expiring}.
 * <p>
 * The Spring Boot starter publishes every verified, first-seen delivery as an application event of
 * this type, so any feature can react with {@code @EventListener void on(WebhookEvent event)}.
 *
 * @param id the event id ({@code evt_...}), unique per event, used to detect replays
 * @param type the event type, one of {@link EventTypes} or a newer one
 * @param path the path the event is about (a secret path, {@code pki/certificates/{serial}}, a
 * lease's path), or {@code null}
 * @param version the secret version the event announces, or {@code null}
 * @param previousVersion the version before it, or {@code null}
 * @param occurredAt when it happened
 * @param data the type's own fields (never a secret value)
 */
public record WebhookEvent(String id, String type, @Nullable String path, @Nullable Integer version,
		@Nullable Integer previousVersion, Instant occurredAt, Map<String, Object> data) {

	public WebhookEvent {
		Objects.requireNonNull(id, "id must not be null");
		Objects.requireNonNull(type, "type must not be null");
		Objects.requireNonNull(occurredAt, "occurredAt must not be null");
		data = (data != null) ? Map.copyOf(data) : Map.of();
	}

	/**
	 * Return a field of {@link #data()} as a string.
	 * @param name the field name, such as {@code lease_id}
	 * @return its value as a string, or {@code null} when absent
	 */
	public @Nullable String dataString(String name) {
		Object value = this.data.get(name);
		return (value != null) ? value.toString() : null;
	}

	/**
	 * Return whether this event is of the given type.
	 * @param eventType the type, such as {@link EventTypes#SECRET_ROTATED}
	 * @return whether it matches
	 */
	public boolean is(String eventType) {
		return this.type.equals(eventType);
	}

}
