package ai.scailabs.scaivault.devserver.audit;

import java.time.Instant;

/**
 * One audit entry: who did what on which path, and whether it was allowed. Never holds a value.
 *
 * @param id the entry id ({@code aud_...}); ids sort in the order entries were written
 * @param timestamp when (dev clock)
 * @param identityId the caller
 * @param action the permission checked, such as {@code read}
 * @param path the secret or resource path
 * @param sourceIp the caller's address
 * @param result {@code allowed} or {@code denied}
 * @param requestId the request id
 */
public record AuditEntry(String id, Instant timestamp, String identityId, String action, String path,
		String sourceIp, String result, String requestId) {
}
