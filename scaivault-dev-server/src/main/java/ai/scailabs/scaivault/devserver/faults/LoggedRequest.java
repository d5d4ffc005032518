package ai.scailabs.scaivault.devserver.faults;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One request the server received (no body, no token).
 *
 * @param timestamp when it arrived (dev clock)
 * @param method the HTTP method
 * @param path the decoded path
 * @param status the status answered, or {@code 0} for a dropped connection
 * @param identityId the authenticated caller, or {@code null}
 * @param requestId the request id
 */
public record LoggedRequest(Instant timestamp, String method, String path, int status, @Nullable String identityId,
		String requestId) {
}
