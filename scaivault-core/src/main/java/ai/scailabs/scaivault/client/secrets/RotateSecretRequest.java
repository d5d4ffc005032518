package ai.scailabs.scaivault.client.secrets;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * How to rotate a secret. {@link #toString()} never shows the new value.
 *
 * <pre class="code">
 * RotateSecretRequest.builder().reason("compromise").newValue(Map.of("password", next))
 *     .gracePeriod(Duration.ofHours(1)).build();
 * </pre>
 *
 * @param reason why, for the audit trail, or {@code null}
 * @param newValue the next version's values, or {@code null} to let the service generate one
 * ({@code password} secrets only)
 * @param gracePeriod how long the previous version stays readable, or {@code null} for none
 */
public record RotateSecretRequest(@Nullable String reason, @Nullable Map<String, @Nullable Object> newValue,
		@Nullable Duration gracePeriod) {

	public RotateSecretRequest {
		newValue = (newValue != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(newValue)) : null;
	}

	/**
	 * Start a request.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	@Override
	public String toString() {
		return "RotateSecretRequest[reason=" + this.reason + ", newValueKeys="
				+ ((this.newValue != null) ? this.newValue.keySet() : null) + ", gracePeriod=" + this.gracePeriod + "]";
	}

	/**
	 * Builder of a {@link RotateSecretRequest}.
	 */
	public static final class Builder {

		private @Nullable String reason;

		private @Nullable Map<String, @Nullable Object> newValue;

		private @Nullable Duration gracePeriod;

		private Builder() {
		}

		public Builder reason(String reason) {
			this.reason = reason;
			return this;
		}

		public Builder newValue(Map<String, ?> newValue) {
			this.newValue = new LinkedHashMap<>(newValue);
			return this;
		}

		public Builder gracePeriod(Duration gracePeriod) {
			this.gracePeriod = gracePeriod;
			return this;
		}

		public RotateSecretRequest build() {
			return new RotateSecretRequest(this.reason, this.newValue, this.gracePeriod);
		}

	}

}
