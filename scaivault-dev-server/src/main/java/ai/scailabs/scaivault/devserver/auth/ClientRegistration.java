package ai.scailabs.scaivault.devserver.auth;

import java.util.Set;

/**
 * A client of the client-credentials grant. {@link #toString()} never shows the secret.
 *
 * @param clientId the client id
 * @param clientSecret the client secret
 * @param identityId the identity its tokens carry, such as {@code sa:reporting-service}
 * @param groups the groups its tokens carry
 */
public record ClientRegistration(String clientId, String clientSecret, String identityId, Set<String> groups) {

	public ClientRegistration {
		if (clientId.isBlank() || clientSecret.isEmpty() || identityId.isBlank()) {
			throw new IllegalArgumentException("A client needs a client id, a client secret and an identity id");
		}
		groups = Set.copyOf(groups);
	}

	@Override
	public String toString() {
		return "ClientRegistration[clientId=" + this.clientId + ", identityId=" + this.identityId + ", groups="
				+ this.groups + "]";
	}

}
