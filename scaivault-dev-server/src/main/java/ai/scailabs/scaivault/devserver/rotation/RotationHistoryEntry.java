package ai.scailabs.scaivault.devserver.rotation;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One rotation attempt of a secret under a policy.
 *
 * @param secretPath the secret path
 * @param status {@code rotated} or {@code failed}
 * @param rotatedAt when it happened
 * @param fromVersion the version before, if the secret existed
 * @param toVersion the version written, if any
 */
public record RotationHistoryEntry(String secretPath, String status, Instant rotatedAt, @Nullable Integer fromVersion,
		@Nullable Integer toVersion) {
}
