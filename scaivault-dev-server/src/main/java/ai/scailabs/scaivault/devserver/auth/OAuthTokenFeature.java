package ai.scailabs.scaivault.devserver.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import ai.scailabs.scaivault.devserver.http.ApiException;
import ai.scailabs.scaivault.devserver.http.ApiRequest;
import ai.scailabs.scaivault.devserver.http.ApiResponse;
import ai.scailabs.scaivault.devserver.http.ErrorCode;
import ai.scailabs.scaivault.devserver.http.Routes;

/**
 * The ScaiKey token endpoint, {@code POST /oauth/token}: the OAuth 2.0 client-credentials grant
 * (form fields {@code grant_type=client_credentials}, {@code client_id}, {@code client_secret},
 * optional {@code scope}; HTTP Basic client authentication works too). Answers
 * {@code {"access_token", "token_type": "Bearer", "expires_in"}}. A wrong client answers 401
 * with the contract's error body (code {@code authentication_required}, details
 * {@code {"oauth_error": "invalid_client"}}).
 */
public final class OAuthTokenFeature {

	private final ClientRegistry clients;

	private final TokenStore tokens;

	private final Duration lifetime;

	public OAuthTokenFeature(ClientRegistry clients, TokenStore tokens, Duration lifetime) {
		this.clients = clients;
		this.tokens = tokens;
		this.lifetime = lifetime;
	}

	public void register(Routes routes) {
		routes.anonymous("POST", "/oauth/token", this::token);
	}

	private ApiResponse token(ApiRequest request) {
		ObjectNode form = request.body();
		String grantType = text(form, "grant_type");
		if (!"client_credentials".equals(grantType)) {
			throw new ApiException(ErrorCode.VALIDATION_ERROR,
					"Unsupported grant_type; this token endpoint supports 'client_credentials'",
					Map.of("oauth_error", "unsupported_grant_type"));
		}
		String clientId = text(form, "client_id");
		String clientSecret = text(form, "client_secret");
		String basic = request.header("authorization");
		if (clientId == null && basic != null && basic.regionMatches(true, 0, "Basic ", 0, 6)) {
			String[] pair = BasicCredentials.decode(basic.substring(6).trim());
			if (pair != null) {
				clientId = pair[0];
				clientSecret = pair[1];
			}
		}
		ClientRegistration client = (clientId != null) ? this.clients.find(clientId) : null;
		if (client == null || clientSecret == null || !secretMatches(client, clientSecret)) {
			throw new ApiException(ErrorCode.AUTHENTICATION_REQUIRED,
					"Client authentication failed: unknown client_id or wrong client_secret",
					Map.of("oauth_error", "invalid_client"));
		}
		IssuedToken issued = this.tokens.issue(client.identityId(), client.groups(), false, this.lifetime);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("access_token", issued.token());
		body.put("token_type", "Bearer");
		body.put("expires_in", this.lifetime.toSeconds());
		String scope = text(form, "scope");
		if (scope != null) {
			body.put("scope", scope);
		}
		return new ApiResponse(200, body, Map.of("Cache-Control", "no-store"));
	}

	/**
	 * Compare in constant time, so that the time of a wrong guess says nothing about how much of
	 * the secret it got right.
	 */
	private static boolean secretMatches(ClientRegistration client, String clientSecret) {
		return MessageDigest.isEqual(client.clientSecret().getBytes(StandardCharsets.UTF_8),
				clientSecret.getBytes(StandardCharsets.UTF_8));
	}

	private static @Nullable String text(ObjectNode form, String name) {
		JsonNode node = form.get(name);
		return (node != null && node.isString() && !node.asString().isEmpty()) ? node.asString() : null;
	}

}
