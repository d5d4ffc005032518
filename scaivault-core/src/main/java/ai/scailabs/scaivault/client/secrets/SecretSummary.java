package ai.scailabs.scaivault.client.secrets;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One entry of a secret listing: no values.
 *
 * @param path secret path
 * @param version latest version
 * @param secretType type of the secret
 * @param updatedAt when the secret last changed
 */
public record SecretSummary(String path, int version, @Nullable SecretType secretType, @Nullable Instant updatedAt) {

}
