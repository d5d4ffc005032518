package ai.scailabs.scaivault.client.dynamic;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;
import ai.scailabs.scaivault.client.http.ContractDurationDeserializer;

/**
 * The outcome of a lease renewal; the credentials stay the same.
 *
 * @param leaseId the lease id
 * @param leaseDuration how long the lease now lasts from the renewal
 * @param expiresAt when the lease now ends (never beyond the role's {@code max_ttl})
 */
public record LeaseRenewal(String leaseId,
		@JsonDeserialize(using = ContractDurationDeserializer.class) @Nullable Duration leaseDuration,
		@Nullable Instant expiresAt) {

}
