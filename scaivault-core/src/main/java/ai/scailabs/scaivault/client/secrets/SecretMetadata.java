package ai.scailabs.scaivault.client.secrets;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Descriptive metadata of a secret. Never secret itself.
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

}
