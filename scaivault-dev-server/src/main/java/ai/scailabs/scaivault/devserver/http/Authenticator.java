package ai.scailabs.scaivault.devserver.http;

import org.jspecify.annotations.Nullable;

import ai.scailabs.scaivault.devserver.auth.Principal;

/**
 * Turns the {@code Authorization} header of a request into its caller.
 */
@FunctionalInterface
public interface Authenticator {

	/**
	 * @param authorization the {@code Authorization} header, or {@code null}
	 * @return the caller
	 * @throws ApiException {@code authentication_required} or {@code token_expired}
	 */
	Principal authenticate(@Nullable String authorization);

}
