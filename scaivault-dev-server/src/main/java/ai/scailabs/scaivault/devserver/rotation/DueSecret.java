package ai.scailabs.scaivault.devserver.rotation;

import java.time.Instant;

/**
 * An assigned secret and when its next rotation is due.
 *
 * @param secretPath the secret path
 * @param policyId the rotation policy
 * @param dueAt when its rotation is due
 */
public record DueSecret(String secretPath, String policyId, Instant dueAt) {
}
