package ai.scailabs.scaivault.client.policies;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A binding of a policy to an identity.
 *
 * @param id binding id, such as {@code bnd_...}
 * @param policyId the bound policy
 * @param identityType kind of identity
 * @param identityId the identity, such as {@code sa:reporting-service}
 * @param createdAt when the binding was created
 */
public record PolicyBinding(String id, @Nullable String policyId, @Nullable IdentityType identityType,
		@Nullable String identityId, @Nullable Instant createdAt) {

}
