package ai.scailabs.scaivault.boot.autoconfigure.refresh;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import ai.scailabs.scaivault.client.subscriptions.WebhookEvent;

/**
 * Reads a delivery body (contract section 7) into a {@link WebhookEvent}:
 * {@code {"id", "type", "path", "version", "previous_version", "occurred_at", "data"}}. {@code id},
 * {@code type} and {@code occurred_at} are required, and so is {@code path} for {@code secret.*} and
 * {@code rotation.*} events. Errors name the field, never quote the body.
 *
 * @author ScaiLabs
 */
final class WebhookEventReader {

	private final JsonMapper json = JsonMapper.builder().build();

	/**
	 * Read a body.
	 * @param body the raw, verified body
	 * @return the event
	 * @throws InvalidWebhookException when it is not JSON or a field is missing or of the wrong type
	 */
	WebhookEvent read(byte[] body) {
		JsonNode root;
		try {
			root = this.json.readTree(body);
		}
		catch (JacksonException ex) {
			throw new InvalidWebhookException("the body is not JSON");
		}
		if (root == null || !root.isObject()) {
			throw new InvalidWebhookException("the body is not a JSON object");
		}
		String id = requiredString(root, "id");
		String type = requiredString(root, "type");
		String path = optionalString(root, "path");
		if (path == null && (type.startsWith("secret.") || type.startsWith("rotation."))) {
			throw new InvalidWebhookException("field 'path' is required for secret.* and rotation.* events");
		}
		Instant occurredAt;
		try {
			occurredAt = Instant.parse(requiredString(root, "occurred_at"));
		}
		catch (DateTimeParseException ex) {
			throw new InvalidWebhookException("field 'occurred_at' is not an RFC 3339 UTC timestamp");
		}
		return new WebhookEvent(id, type, path, optionalInt(root, "version"), optionalInt(root, "previous_version"),
				occurredAt, data(root));
	}

	private static String requiredString(JsonNode root, String field) {
		String value = optionalString(root, field);
		if (value == null || value.isBlank()) {
			throw new InvalidWebhookException("field '" + field + "' is required");
		}
		return value;
	}

	private static @Nullable String optionalString(JsonNode root, String field) {
		JsonNode node = root.get(field);
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isString()) {
			throw new InvalidWebhookException("field '" + field + "' must be a string");
		}
		return node.stringValue();
	}

	private static @Nullable Integer optionalInt(JsonNode root, String field) {
		JsonNode node = root.get(field);
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < 1) {
			throw new InvalidWebhookException("field '" + field + "' must be a positive whole number");
		}
		return node.intValue();
	}

	private Map<String, Object> data(JsonNode root) {
		JsonNode node = root.get("data");
		if (node == null || node.isNull()) {
			return Map.of();
		}
		if (!node.isObject()) {
			throw new InvalidWebhookException("field 'data' must be a JSON object");
		}
		Map<String, Object> data = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> entry : node.properties()) {
			if (!entry.getValue().isNull()) {
				data.put(entry.getKey(), this.json.treeToValue(entry.getValue(), Object.class));
			}
		}
		return data;
	}

	/**
	 * A delivery that is not a well-formed event. Its message names the field, never the body.
	 */
	static final class InvalidWebhookException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		InvalidWebhookException(String message) {
			super(message);
		}

	}

}
