package ai.scailabs.scaivault.devserver.rotation;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of a rotation for one secret.
 *
 * @param secretPath the secret path
 * @param status {@code rotated} (a new version was written), {@code due} ({@code rotation.due}
 * was emitted for an external rotator) or {@code failed}
 * @param version the secret's version afterwards, if it exists
 */
public record TriggerResult(String secretPath, String status, @Nullable Integer version) {
}
