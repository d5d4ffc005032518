package ai.scailabs.scaivault.devserver.secrets;

import java.time.Instant;

/**
 * The answer of a rotation.
 *
 * @param path the secret path
 * @param version the new version
 * @param previousVersion the version it replaced
 * @param gracePeriodEndsAt until when the previous version stays readable by explicit version
 */
public record RotationResult(String path, int version, int previousVersion, Instant gracePeriodEndsAt) {
}
