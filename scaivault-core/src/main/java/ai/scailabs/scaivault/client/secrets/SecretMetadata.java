package ai.scailabs.scaivault.client.secrets;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

/**
 * Descriptive metadata of a secret. Never secret itself. On the wire it is one JSON object:
 * {@code description}, {@code tags} and the {@code custom} fields side by side.
 *
 * @param description what the secret is for
 * @param tags tags such as {@code salesforce}
 * @param custom any other metadata fields the server returned
 */
public record SecretMetadata(@Nullable String description, List<String> tags, Map<String, Object> custom) {

	public SecretMetadata {
		tags = (tags != null) ? List.copyOf(tags) : List.of();
		custom = (custom != null) ? Map.copyOf(custom) : Map.of();
	}

	public static SecretMetadata empty() {
		return new SecretMetadata(null, List.of(), Map.of());
	}

	/**
	 * Create metadata with a description and tags.
	 * @param description the description, or {@code null}
	 * @param tags the tags
	 * @return the metadata
	 */
	public static SecretMetadata of(@Nullable String description, String... tags) {
		return new SecretMetadata(description, List.of(tags), Map.of());
	}

	/**
	 * Create metadata with tags only.
	 * @param tags the tags
	 * @return the metadata
	 */
	public static SecretMetadata tags(String... tags) {
		return new SecretMetadata(null, List.of(tags), Map.of());
	}

	/**
	 * Return whether there is nothing in this metadata.
	 * @return whether description, tags and custom fields are all empty
	 */
	public boolean isEmpty() {
		return this.description == null && this.tags.isEmpty() && this.custom.isEmpty();
	}

	/**
	 * Return the wire form: {@code description} (when set), {@code tags} (when any) and the custom
	 * fields.
	 * @return the JSON object as a map
	 */
	@JsonValue
	public Map<String, Object> toJson() {
		Map<String, Object> json = new LinkedHashMap<>();
		if (this.description != null) {
			json.put("description", this.description);
		}
		if (!this.tags.isEmpty()) {
			json.put("tags", this.tags);
		}
		this.custom.forEach(json::putIfAbsent);
		return json;
	}

	/**
	 * Read the wire form.
	 * @param json the JSON object as a map
	 * @return the metadata
	 */
	@JsonCreator
	public static SecretMetadata fromJson(@Nullable Map<String, @Nullable Object> json) {
		if (json == null) {
			return empty();
		}
		String description = (json.get("description") instanceof String text) ? text : null;
		List<String> tags = (json.get("tags") instanceof List<?> list)
				? list.stream().filter((tag) -> tag != null).map(String::valueOf).toList() : List.of();
		Map<String, Object> custom = new LinkedHashMap<>();
		json.forEach((key, value) -> {
			if (!key.equals("description") && !key.equals("tags") && value != null) {
				custom.put(key, value);
			}
		});
		return new SecretMetadata(description, tags, custom);
	}

}
