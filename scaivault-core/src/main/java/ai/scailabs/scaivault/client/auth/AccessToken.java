package ai.scailabs.scaivault.client.auth;

import org.jspecify.annotations.Nullable;

/**
 * Answer of the token endpoint. {@link #toString()} never shows the token.
 *
 * @param accessToken the bearer token
 * @param tokenType the token type, {@code Bearer}
 * @param expiresIn lifetime in seconds, or {@code null} when the endpoint gave none
 */
public record AccessToken(String accessToken, @Nullable String tokenType, @Nullable Long expiresIn) {

	@Override
	public String toString() {
		return "AccessToken[accessToken=(hidden), tokenType=" + this.tokenType + ", expiresIn=" + this.expiresIn
				+ "]";
	}

}
