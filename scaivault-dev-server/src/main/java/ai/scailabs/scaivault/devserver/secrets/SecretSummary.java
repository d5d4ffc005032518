package ai.scailabs.scaivault.devserver.secrets;

import java.time.Instant;

/**
 * One item of a secret listing, without values.
 *
 * @param path the secret path
 * @param version the current version
 * @param secretType the secret type
 * @param updatedAt when the secret last changed
 */
public record SecretSummary(String path, int version, String secretType, Instant updatedAt) {
}
