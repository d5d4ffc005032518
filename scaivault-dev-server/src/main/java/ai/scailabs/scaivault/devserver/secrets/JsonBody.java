package ai.scailabs.scaivault.devserver.secrets;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import ai.scailabs.scaivault.devserver.http.ApiException;

/**
 * Strict reader of a JSON request object: unknown fields and fields of the wrong type are
 * {@code validation_error}s that name the field. Error messages never repeat field values, which
 * may be secret.
 */
public final class JsonBody {

	private final ObjectNode node;

	private final String prefix;

	private JsonBody(ObjectNode node, String prefix) {
		this.node = node;
		this.prefix = prefix;
	}

	/**
	 * Read a request body that may only hold the given fields.
	 * @param node the body
	 * @param allowed the allowed field names
	 * @return the reader
	 */
	public static JsonBody of(ObjectNode node, String... allowed) {
		return of(node, "", allowed);
	}

	/**
	 * Read a nested object that may hold any fields.
	 * @param node the nested object
	 * @param prefix how its fields are named in errors, such as {@code metadata.}
	 * @return the reader
	 */
	public static JsonBody anyFields(ObjectNode node, String prefix) {
		return new JsonBody(node, prefix);
	}

	private static JsonBody of(ObjectNode node, String prefix, String... allowed) {
		Set<String> known = Set.of(allowed);
		for (String name : node.propertyNames()) {
			if (!known.contains(name)) {
				throw ApiException.validation("Unknown field '" + prefix + name + "' in the request body; allowed fields are "
						+ String.join(", ", new LinkedHashSet<>(List.of(allowed))), Map.of("field", prefix + name));
			}
		}
		return new JsonBody(node, prefix);
	}

	/**
	 * @param name a field name
	 * @return whether the field is present and not {@code null}
	 */
	public boolean has(String name) {
		JsonNode value = this.node.get(name);
		return value != null && !value.isNull();
	}

	public String requiredString(String name) {
		String value = string(name);
		if (value == null || value.isBlank()) {
			throw missing(name);
		}
		return value;
	}

	public @Nullable String string(String name) {
		JsonNode value = value(name);
		if (value == null) {
			return null;
		}
		if (!value.isString()) {
			throw wrongType(name, "a string");
		}
		return value.stringValue();
	}

	public @Nullable Integer integer(String name, int min, int max) {
		JsonNode value = value(name);
		if (value == null) {
			return null;
		}
		if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < min || value.intValue() > max) {
			throw ApiException.validation("Field '" + field(name) + "' must be an integer from " + min + " to " + max,
					Map.of("field", field(name)));
		}
		return value.intValue();
	}

	public boolean bool(String name, boolean defaultValue) {
		JsonNode value = value(name);
		if (value == null) {
			return defaultValue;
		}
		if (!value.isBoolean()) {
			throw wrongType(name, "true or false");
		}
		return value.booleanValue();
	}

	public @Nullable ObjectNode object(String name) {
		JsonNode value = value(name);
		if (value == null) {
			return null;
		}
		if (!value.isObject()) {
			throw wrongType(name, "a JSON object");
		}
		return (ObjectNode) value;
	}

	public ObjectNode requiredObject(String name) {
		ObjectNode value = object(name);
		if (value == null) {
			throw missing(name);
		}
		return value;
	}

	/**
	 * Read a nested object field that may only hold the given fields.
	 * @param name the field
	 * @param allowed the allowed nested field names
	 * @return its reader, or {@code null} when absent
	 */
	public @Nullable JsonBody nested(String name, String... allowed) {
		ObjectNode value = object(name);
		return (value != null) ? of(value, field(name) + ".", allowed) : null;
	}

	public @Nullable List<String> strings(String name) {
		JsonNode value = value(name);
		if (value == null) {
			return null;
		}
		if (!value.isArray()) {
			throw wrongType(name, "an array of strings");
		}
		List<String> result = new ArrayList<>();
		for (JsonNode element : value) {
			if (!element.isString()) {
				throw wrongType(name, "an array of strings");
			}
			result.add(element.stringValue());
		}
		return List.copyOf(result);
	}

	public List<String> requiredStrings(String name) {
		List<String> value = strings(name);
		if (value == null) {
			throw missing(name);
		}
		return value;
	}

	/**
	 * Read a duration field, such as {@code "48h"} (or a JSON integer of seconds; see
	 * {@link ai.scailabs.scaivault.devserver.http.Durations}).
	 * @param name the field
	 * @return the duration, or {@code null} when absent
	 */
	public @Nullable Duration duration(String name) {
		JsonNode value = value(name);
		return (value != null) ? ai.scailabs.scaivault.devserver.http.Durations.parse(field(name), value) : null;
	}

	/**
	 * @param name the field
	 * @return the full name of the field, with the names of the enclosing objects
	 */
	public String field(String name) {
		return this.prefix + name;
	}

	private @Nullable JsonNode value(String name) {
		JsonNode value = this.node.get(name);
		return (value == null || value.isNull()) ? null : value;
	}

	private ApiException missing(String name) {
		return ApiException.validation("Field '" + field(name) + "' is required", Map.of("field", field(name)));
	}

	private ApiException wrongType(String name, String expected) {
		return ApiException.validation("Field '" + field(name) + "' must be " + expected, Map.of("field", field(name)));
	}

}
