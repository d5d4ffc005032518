package ai.scailabs.scaivault.client.auth;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import ai.scailabs.scaivault.client.ValidationException;

/**
 * A fixed token, such as {@code SCAIVAULT_TOKEN}. Cannot be refreshed: a {@code token_expired}
 * answer is raised to the caller.
 */
public final class StaticTokenProvider implements TokenProvider {

	private final String token;

	public StaticTokenProvider(String token) {
		if (token.isBlank()) {
			throw new ValidationException("validation_error", "Token must not be blank", Map.of(), null, 0);
		}
		this.token = token.strip();
	}

	@Override
	public CompletableFuture<String> token() {
		return CompletableFuture.completedFuture(this.token);
	}

	@Override
	public String mode() {
		return "token";
	}

	@Override
	public String toString() {
		return "StaticTokenProvider[token=(hidden)]";
	}

}
