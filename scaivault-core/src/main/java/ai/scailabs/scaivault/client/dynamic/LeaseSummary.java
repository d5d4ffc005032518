package ai.scailabs.scaivault.client.dynamic;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A lease as listed, without its credentials.
 *
 * @param leaseId the lease id
 * @param engine the engine that issued it
 * @param role the role it was issued for
 * @param renewable whether it may be renewed, or {@code null} when the answer leaves it out
 * @param issuedAt when it was issued
 * @param expiresAt when it ends
 */
public record LeaseSummary(String leaseId, @Nullable String engine, @Nullable String role, @Nullable Boolean renewable,
		@Nullable Instant issuedAt, @Nullable Instant expiresAt) {

}
