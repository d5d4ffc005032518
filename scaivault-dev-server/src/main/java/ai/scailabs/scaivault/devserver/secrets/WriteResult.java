package ai.scailabs.scaivault.devserver.secrets;

import java.time.Instant;

/**
 * The answer of a write.
 *
 * @param path the secret path
 * @param version the version written
 * @param createdAt when it was written
 */
public record WriteResult(String path, int version, Instant createdAt) {
}
