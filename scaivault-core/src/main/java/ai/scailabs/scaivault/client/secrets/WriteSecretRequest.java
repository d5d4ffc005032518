package ai.scailabs.scaivault.client.secrets;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import ai.scailabs.scaivault.client.ValidationException;

/**
 * What to write as the next version of a secret. {@link #toString()} never shows the values.
 *
 * <pre class="code">
 * WriteSecretRequest request = WriteSecretRequest.builder(Map.of("client_id", id, "client_secret", secret))
 *     .secretType(SecretType.JSON)
 *     .metadata(SecretMetadata.of("Salesforce OAuth", "salesforce", "oauth"))
 *     .maxVersions(10)
 *     .build();
 * </pre>
 *
 * @param data the values by key
 * @param secretType type of the secret, or {@code null} for the service's default
 * @param metadata metadata, or {@code null} to leave it unset
 * @param maxVersions how many versions to keep, or {@code null} for the service's default
 * @param cas check-and-set: write only if the current version equals it, else
 * {@link ai.scailabs.scaivault.client.ConflictException}
 */
public record WriteSecretRequest(Map<String, @Nullable Object> data, @Nullable SecretType secretType,
		@Nullable SecretMetadata metadata, @Nullable Integer maxVersions, @Nullable Integer cas) {

	public WriteSecretRequest {
		Objects.requireNonNull(data, "data");
		data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
		if (maxVersions != null && maxVersions < 1) {
			throw new ValidationException("validation_error", "maxVersions must be at least 1, got " + maxVersions,
					Map.of("max_versions", maxVersions), null, 0);
		}
		if (cas != null && cas < 0) {
			throw new ValidationException("validation_error", "cas must be 0 or more, got " + cas,
					Map.of("cas", cas), null, 0);
		}
	}

	/**
	 * Start a request writing the given values.
	 * @param data the values by key
	 * @return a builder
	 */
	public static Builder builder(Map<String, ?> data) {
		return new Builder(data);
	}

	@Override
	public String toString() {
		return "WriteSecretRequest[keys=" + this.data.keySet() + ", secretType=" + this.secretType + ", metadata="
				+ this.metadata + ", maxVersions=" + this.maxVersions + ", cas=" + this.cas + "]";
	}

	/**
	 * Builder of a {@link WriteSecretRequest}.
	 */
	public static final class Builder {

		private final Map<String, @Nullable Object> data;

		private @Nullable SecretType secretType;

		private @Nullable SecretMetadata metadata;

		private @Nullable Integer maxVersions;

		private @Nullable Integer cas;

		private Builder(Map<String, ?> data) {
			this.data = new LinkedHashMap<>(Objects.requireNonNull(data, "data"));
		}

		public Builder secretType(SecretType secretType) {
			this.secretType = secretType;
			return this;
		}

		public Builder metadata(SecretMetadata metadata) {
			this.metadata = metadata;
			return this;
		}

		public Builder maxVersions(int maxVersions) {
			this.maxVersions = maxVersions;
			return this;
		}

		/**
		 * Write only if the secret's current version equals this (0: only if it does not exist yet).
		 * @param cas the expected current version
		 * @return this builder
		 */
		public Builder cas(int cas) {
			this.cas = cas;
			return this;
		}

		public WriteSecretRequest build() {
			return new WriteSecretRequest(this.data, this.secretType, this.metadata, this.maxVersions, this.cas);
		}

	}

}
