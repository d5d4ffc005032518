package ai.scailabs.scaivault.client.secrets;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Answer of a secret rotation.
 *
 * @param path secret path
 * @param version the new version
 * @param previousVersion the version it replaced, readable by explicit version until the grace period ends
 * @param gracePeriodEndsAt when the previous version stops being served, or {@code null} without grace period
 */
public record SecretRotationResult(String path, int version, @Nullable Integer previousVersion,
		@Nullable Instant gracePeriodEndsAt) {

}
