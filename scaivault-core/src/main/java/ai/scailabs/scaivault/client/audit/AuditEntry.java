package ai.scailabs.scaivault.client.audit;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One audited call. Never holds a secret value.
 *
 * @param id entry id
 * @param timestamp when the call was made
 * @param identityId who made it, such as {@code sa:reporting-service}
 * @param action what it did, such as {@code read}
 * @param path the secret path it concerned
 * @param sourceIp the caller's address
 * @param result whether it was allowed
 * @param requestId the request id, as in the call's {@code X-Request-Id}
 */
public record AuditEntry(String id, @Nullable Instant timestamp, @Nullable String identityId,
		@Nullable String action, @Nullable String path, @Nullable String sourceIp, @Nullable AuditResult result,
		@Nullable String requestId) {

}
