package ai.scailabs.scaivault.client.rotation;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A secret whose next rotation is due soon.
 *
 * @param secretPath the secret path
 * @param policyId the rotation policy it is assigned to
 * @param dueAt when its rotation is due
 */
public record DueSecret(String secretPath, @Nullable String policyId, @Nullable Instant dueAt) {

}
