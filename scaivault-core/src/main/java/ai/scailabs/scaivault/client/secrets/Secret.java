package ai.scailabs.scaivault.client.secrets;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One version of a secret. {@link #toString()} never shows the values, only their keys.
 *
 * @param path secret path
 * @param version version number, from 1
 * @param data secret values by key (nested maps and lists for nested JSON)
 * @param secretType type of the secret
 * @param metadata descriptive metadata
 * @param createdAt when this version was written
 * @param updatedAt when the secret last changed
 */
public record Secret(String path, int version, Map<String, Object> data, SecretType secretType,
		SecretMetadata metadata, @Nullable Instant createdAt, @Nullable Instant updatedAt) {

	public Secret {
		data = (data != null) ? java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(data)) : Map.of();
		metadata = (metadata != null) ? metadata : SecretMetadata.empty();
	}

	@Override
	public String toString() {
		return "Secret[path=" + this.path + ", version=" + this.version + ", keys=" + this.data.keySet()
				+ ", secretType=" + this.secretType + ", metadata=" + this.metadata + ", createdAt=" + this.createdAt
				+ ", updatedAt=" + this.updatedAt + "]";
	}

}
