package ai.scailabs.scaivault.client.secrets;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Answer of a write: the version it created.
 *
 * @param path secret path
 * @param version the new version
 * @param createdAt when it was written
 */
public record WriteResult(String path, int version, @Nullable Instant createdAt) {

}
