package ai.scailabs.scaivault.devserver.auth;

import java.util.Set;

/**
 * The authenticated caller of a request.
 *
 * @param identityId identity such as {@code sa:reporting-service} or {@code user:alice@acme.example}
 * @param groups groups the identity belongs to, such as {@code group:developers}
 * @param mfa whether the token says the caller passed MFA
 * @param root whether this is the root token, which every policy check allows
 */
public record Principal(String identityId, Set<String> groups, boolean mfa, boolean root) {

	/** The caller of an unauthenticated route. */
	public static final Principal ANONYMOUS = new Principal("anonymous", Set.of(), false, false);

	public Principal {
		groups = Set.copyOf(groups);
	}

}
