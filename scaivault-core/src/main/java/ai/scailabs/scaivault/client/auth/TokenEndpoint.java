package ai.scailabs.scaivault.client.auth;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Sends a form to the OAuth 2.0 token endpoint and reads its answer. The client's HTTP engine
 * implements it; tests may too.
 */
@FunctionalInterface
public interface TokenEndpoint {

	/**
	 * Post the form fields ({@code application/x-www-form-urlencoded}) and read the token.
	 * @param form the form fields, in order
	 * @return the token, or a future failed with a
	 * {@link ai.scailabs.scaivault.client.ScaiVaultException}
	 */
	CompletableFuture<AccessToken> requestToken(Map<String, String> form);

}
