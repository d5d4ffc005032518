package ai.scailabs.scaivault.client.auth;

import java.util.concurrent.CompletableFuture;

/**
 * Supplies the bearer token of every request. Implementations are thread-safe and never show the
 * token in {@code toString()} or a log line.
 */
public interface TokenProvider {

	/**
	 * Return a valid token, obtaining one first if needed.
	 * @return the token
	 */
	CompletableFuture<String> token();

	/**
	 * Called when the server answered {@code token_expired} for the given token.
	 * @param rejectedToken the token the server rejected
	 * @return {@code true} when the next {@link #token()} call obtains a fresh token, so that the
	 * request is worth sending once more; {@code false} (the default) when no refresh is possible
	 */
	default boolean invalidate(String rejectedToken) {
		return false;
	}

	/**
	 * Describe the authentication mode for {@code toString()}, without any secret.
	 * @return a description such as {@code token}
	 */
	default String mode() {
		return getClass().getSimpleName();
	}

}
