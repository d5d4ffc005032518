package ai.scailabs.scaivault.devserver.auth;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A bearer token the dev server issued. {@link #toString()} never shows the token.
 *
 * @param token the bearer token
 * @param principal the caller it authenticates
 * @param expiresAt when it expires (dev clock), or {@code null} for never (the root token)
 */
public record IssuedToken(String token, Principal principal, @Nullable Instant expiresAt) {

	@Override
	public String toString() {
		return "IssuedToken[principal=" + this.principal.identityId() + ", expiresAt=" + this.expiresAt + "]";
	}

}
