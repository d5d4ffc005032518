package ai.scailabs.scaivault.client.rotation;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of a triggered rotation for one secret.
 *
 * @param secretPath the secret path
 * @param status outcome, such as {@code rotated}, {@code due} or {@code failed}
 * @param version the secret's version after the rotation, or {@code null} when none was written
 */
public record RotationResult(String secretPath, String status, @Nullable Integer version) {

}
