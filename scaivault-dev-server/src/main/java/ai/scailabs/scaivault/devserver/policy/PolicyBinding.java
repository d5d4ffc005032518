package ai.scailabs.scaivault.devserver.policy;

import java.time.Instant;

/**
 * A binding of a policy to an identity.
 *
 * @param id the id ({@code bnd_...})
 * @param policyId the policy
 * @param identityType {@code user}, {@code group} or {@code service_account}
 * @param identityId the identity, such as {@code sa:reporting-service} or {@code group:developers}
 * @param createdAt when it was created
 */
public record PolicyBinding(String id, String policyId, String identityType, String identityId, Instant createdAt) {
}
