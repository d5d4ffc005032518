package ai.scailabs.scaivault.devserver.secrets;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Descriptive metadata of a secret: a description, tags and any other descriptive fields the
 * writer chose (the client's {@code custom} fields). Never secret itself.
 *
 * @param description what the secret is for
 * @param tags tags such as {@code salesforce}
 * @param custom other metadata fields, by name (JSON values)
 */
public record SecretMetadata(@Nullable String description, List<String> tags, Map<String, JsonNode> custom) {

	/** No description, no tags, no other fields. */
	public static final SecretMetadata EMPTY = new SecretMetadata(null, List.of(), Map.of());

	public SecretMetadata {
		tags = List.copyOf(tags);
		Map<String, JsonNode> copy = new LinkedHashMap<>();
		custom.forEach((name, value) -> copy.put(name, value.deepCopy()));
		custom = java.util.Collections.unmodifiableMap(copy);
	}

	/**
	 * @return the wire form: {@code description}, {@code tags} and the other fields side by side
	 */
	public Map<String, Object> toJson() {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("description", this.description);
		json.put("tags", this.tags);
		this.custom.forEach(json::putIfAbsent);
		return json;
	}

}
