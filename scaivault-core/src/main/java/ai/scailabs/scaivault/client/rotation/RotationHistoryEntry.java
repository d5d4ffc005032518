package ai.scailabs.scaivault.client.rotation;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One past rotation of a secret under a rotation policy.
 *
 * @param secretPath the secret path
 * @param status outcome, such as {@code rotated} or {@code failed}
 * @param rotatedAt when it happened
 * @param fromVersion version before the rotation
 * @param toVersion version after the rotation, or {@code null} when none was written
 */
public record RotationHistoryEntry(String secretPath, String status, @Nullable Instant rotatedAt,
		@Nullable Integer fromVersion, @Nullable Integer toVersion) {

}
