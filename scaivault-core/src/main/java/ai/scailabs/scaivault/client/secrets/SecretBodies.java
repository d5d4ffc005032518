package ai.scailabs.scaivault.client.secrets;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import ai.scailabs.scaivault.client.http.Durations;

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

	record Write(Map<String, @Nullable Object> data, @Nullable SecretType secretType,
			@Nullable SecretMetadata metadata, @Nullable Options options) {

		@Override
		public String toString() {
			return "Write[keys=" + this.data.keySet() + "]";
		}

	}

	record Options(@Nullable Integer maxVersions, @Nullable Integer cas) {

	}

	record Metadata(SecretMetadata metadata) {

	}

	record Rotate(@Nullable String reason, @Nullable Map<String, @Nullable Object> newValue,
			@Nullable String gracePeriod) {

		@Override
		public String toString() {
			return "Rotate[reason=" + this.reason + "]";
		}

	}

	record Batch(List<String> paths) {

	}

}
