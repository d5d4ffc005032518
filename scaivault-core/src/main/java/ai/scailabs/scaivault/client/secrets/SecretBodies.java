package ai.scailabs.scaivault.client.secrets;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;

import ai.scailabs.scaivault.client.http.Durations;
import ai.scailabs.scaivault.client.http.JsonWritable;

/**
 * Request bodies of the secrets calls, in the contract's shape (section 4). {@code null} fields are
 * left out.
 */
final class SecretBodies {

	private SecretBodies() {
	}

	static Write write(WriteSecretRequest request) {
		SecretMetadata metadata = request.metadata();
		Options options = (request.maxVersions() != null || request.cas() != null)
				? new Options(request.maxVersions(), request.cas()) : null;
		return new Write(request.data(), request.secretType(),
				(metadata != null && !metadata.isEmpty()) ? metadata : null, options);
	}

	static Rotate rotate(RotateSecretRequest request) {
		return new Rotate(request.reason(), request.newValue(),
				(request.gracePeriod() != null) ? Durations.format(request.gracePeriod()) : null);
	}

	/**
	 * Body of the write request.
	 * @param data the secret values by key
	 * @param secretType type of the secret
	 * @param metadata metadata of the secret
	 * @param options write options
	 */
	record Write(Map<String, @Nullable Object> data, @Nullable SecretType secretType,
			@Nullable SecretMetadata metadata, @Nullable Options options) {

		@Override
		public String toString() {
			return "Write[keys=" + this.data.keySet() + "]";
		}

	}

	/**
	 * Options of a write.
	 * @param maxVersions versions to keep
	 * @param cas expected current version (check-and-set)
	 */
	record Options(@Nullable Integer maxVersions, @Nullable Integer cas) {

	}

	/**
	 * Body of the update-metadata request.
	 * @param metadata metadata of the secret
	 */
	record Metadata(SecretMetadata metadata) {

	}

	/**
	 * Body of the rotate request.
	 * @param reason why, for the audit log
	 * @param newValue the new value, or {@code null} to generate one
	 * @param gracePeriod how long the previous version stays readable
	 */
	record Rotate(@Nullable String reason, @Nullable Map<String, @Nullable Object> newValue,
			@Nullable String gracePeriod) {

		@Override
		public String toString() {
			return "Rotate[reason=" + this.reason + "]";
		}

	}

	/**
	 * Body of the batch-read request.
	 * @param paths the secret paths
	 */
	record Batch(List<String> paths) implements JsonWritable {

		@Override
		public void writeJson(JsonGenerator generator) {
			// Written without data binding: the start-up import sends this body.
			generator.writeStartObject();
			generator.writeName("paths");
			generator.writeStartArray();
			for (String path : this.paths) {
				generator.writeString(path);
			}
			generator.writeEndArray();
			generator.writeEndObject();
		}

	}

}
