package ai.scailabs.scaivault.devserver.http;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Helpers that read request bodies strictly: unknown fields and wrong types are
 * {@code validation_error}s that name the field.
 */
public final class Bodies {

	private Bodies() {
	}

	/**
	 * Refuse fields other than the allowed ones.
	 * @param body the body (or a nested object)
	 * @param where how to name the object in messages, such as {@code "the request body"} or {@code "rules[0]"}
	 * @param allowed the allowed field names
	 */
	public static void requireOnly(ObjectNode body, String where, String... allowed) {
		Set<String> known = Set.of(allowed);
		for (String name : body.propertyNames()) {
			if (!known.contains(name)) {
				throw ApiException.validation("Unknown field '" + name + "' in " + where + "; allowed fields are "
						+ new TreeSet<>(Arrays.asList(allowed)), Map.of("field", name));
			}
		}
	}

	/**
	 * @param body the body
	 * @param field the field
	 * @return the field's non-blank text
	 */
	public static String requiredText(ObjectNode body, String field) {
		String value = optionalText(body, field);
		if (value == null || value.isBlank()) {
			throw ApiException.validation("Field '" + field + "' is required and must be a non-empty string",
					Map.of("field", field));
		}
		return value;
	}

	/**
	 * @param body the body
	 * @param field the field
	 * @return the field's text, or {@code null} when absent or JSON null
	 */
	public static @Nullable String optionalText(ObjectNode body, String field) {
		JsonNode node = body.get(field);
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isString()) {
			throw ApiException.validation("Field '" + field + "' must be a string", Map.of("field", field));
		}
		return node.asString();
	}

	/**
	 * @param body the body
	 * @param field the field
	 * @return the field's integer, or {@code null} when absent or JSON null
	 */
	public static @Nullable Integer optionalInt(ObjectNode body, String field) {
		JsonNode node = body.get(field);
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isIntegralNumber() || !node.canConvertToInt()) {
			throw ApiException.validation("Field '" + field + "' must be an integer", Map.of("field", field));
		}
		return node.asInt();
	}

	/**
	 * @param body the body
	 * @param field the field
	 * @return the field's boolean, or {@code null} when absent or JSON null
	 */
	public static @Nullable Boolean optionalBoolean(ObjectNode body, String field) {
		JsonNode node = body.get(field);
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isBoolean()) {
			throw ApiException.validation("Field '" + field + "' must be true or false", Map.of("field", field));
		}
		return node.asBoolean();
	}

	/**
	 * @param body the body
	 * @param field the field
	 * @return the field's object, or {@code null} when absent or JSON null
	 */
	public static @Nullable ObjectNode optionalObject(ObjectNode body, String field) {
		JsonNode node = body.get(field);
		if (node == null || node.isNull()) {
			return null;
		}
		if (!(node instanceof ObjectNode object)) {
			throw ApiException.validation("Field '" + field + "' must be a JSON object", Map.of("field", field));
		}
		return object;
	}

	/**
	 * @param body the body
	 * @param field the field
	 * @return the field's strings, or {@code null} when absent or JSON null
	 */
	public static @Nullable List<String> optionalTextList(ObjectNode body, String field) {
		JsonNode node = body.get(field);
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isArray()) {
			throw ApiException.validation("Field '" + field + "' must be an array of strings", Map.of("field", field));
		}
		List<String> result = new ArrayList<>();
		for (JsonNode element : node) {
			if (!element.isString()) {
				throw ApiException.validation("Field '" + field + "' must be an array of strings",
						Map.of("field", field));
			}
			result.add(element.asString());
		}
		return result;
	}

}
