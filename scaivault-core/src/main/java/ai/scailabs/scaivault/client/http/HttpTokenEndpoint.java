package ai.scailabs.scaivault.client.http;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.StreamReadException;

import ai.scailabs.scaivault.client.ScaiVaultException;
import ai.scailabs.scaivault.client.auth.AccessToken;
import ai.scailabs.scaivault.client.auth.TokenEndpoint;

/**
 * The OAuth 2.0 token endpoint over the client's {@link HttpClient}: a form POST, a JSON answer.
 * Neither the form (it holds the client secret) nor the answer (it holds the token) is ever logged
 * or copied into an exception. The answer is read with the streaming parser, so that a client
 * logging in with client credentials needs no data binding for it (the start-up import).
 */
public final class HttpTokenEndpoint implements TokenEndpoint {

	private final HttpClient httpClient;

	private final URI tokenUri;

	private final Duration timeout;

	private final String userAgent;

	private final ErrorResponses errors;

	public HttpTokenEndpoint(HttpClient httpClient, URI tokenUri, Duration timeout, String userAgent,
			ErrorResponses errors) {
		this.httpClient = httpClient;
		this.tokenUri = tokenUri;
		this.timeout = timeout;
		this.userAgent = userAgent;
		this.errors = errors;
	}

	@Override
	public CompletableFuture<AccessToken> requestToken(Map<String, String> form) {
		HttpRequest request = HttpRequest.newBuilder(this.tokenUri)
			.timeout(this.timeout)
			.version(HttpApiTransport.versionFor(this.tokenUri))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "application/json")
			.header("User-Agent", this.userAgent)
			.POST(HttpRequest.BodyPublishers.ofString(encode(form)))
			.build();
		return this.httpClient.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
			.handle((response, failure) -> {
				if (failure != null) {
					throw new CompletionException(transportFailure(failure));
				}
				String requestId = response.headers().firstValue(ErrorResponses.REQUEST_ID_HEADER).orElse(null);
				if (response.statusCode() / 100 != 2) {
					throw new CompletionException(this.errors.toException(response.statusCode(), requestId,
							response.headers().firstValue("Retry-After").orElse(null), response.body()));
				}
				try {
					return StreamingJson.read(response.body(), HttpTokenEndpoint::token);
				}
				catch (JacksonException ex) {
					throw new CompletionException(new ScaiVaultException(ScaiVaultException.UNEXPECTED_RESPONSE,
							"Token endpoint " + Urls.redact(this.tokenUri) + " answered with a body that is not a token",
							Map.of(), requestId, response.statusCode()));
				}
			});
	}

	/**
	 * Read a token answer ({@code access_token}, {@code token_type}, {@code expires_in}), as the
	 * data-binding mapper reads it into {@link AccessToken}: other fields are ignored, and a
	 * number may come as text.
	 * @param parser the parser, on the answer's {@code START_OBJECT}
	 * @return the token
	 * @throws JacksonException when the answer is not a token
	 */
	static AccessToken token(JsonParser parser) throws JacksonException {
		StreamingJson.expect(parser, JsonToken.START_OBJECT, "a token");
		String accessToken = null;
		String tokenType = null;
		Long expiresIn = null;
		String name;
		while ((name = StreamingJson.nextField(parser)) != null) {
			switch (name) {
				case "access_token" -> accessToken = StreamingJson.readString(parser);
				case "token_type" -> tokenType = StreamingJson.readString(parser);
				case "expires_in" -> expiresIn = readLong(parser);
				default -> parser.skipChildren();
			}
		}
		return new AccessToken(accessToken, tokenType, expiresIn);
	}

	private static @Nullable Long readLong(JsonParser parser) throws JacksonException {
		JsonToken token = parser.currentToken();
		if (token == JsonToken.VALUE_NULL) {
			return null;
		}
		if (token == JsonToken.VALUE_NUMBER_INT) {
			return parser.getLongValue();
		}
		if (token == JsonToken.VALUE_STRING) {
			try {
				return Long.parseLong(parser.getString().trim());
			}
			catch (NumberFormatException ex) {
				// fall through
			}
		}
		throw new StreamReadException(parser, "Expected an integer at '" + parser.currentName() + "'");
	}

	private ScaiVaultException transportFailure(Throwable failure) {
		Throwable cause = Futures.unwrap(failure);
		if (cause instanceof IOException) {
			return HttpApiTransport.transportException(cause, "token endpoint " + Urls.redact(this.tokenUri),
					this.timeout);
		}
		return new ScaiVaultException("client_error", "Token request to " + Urls.redact(this.tokenUri) + " failed: "
				+ cause.getClass().getName(), Map.of(), null, 0, cause);
	}

	private static String encode(Map<String, String> form) {
		StringJoiner joiner = new StringJoiner("&");
		form.forEach((name, value) -> joiner.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
				+ URLEncoder.encode(value, StandardCharsets.UTF_8)));
		return joiner.toString();
	}

	@Override
	public String toString() {
		return "HttpTokenEndpoint[" + Urls.redact(this.tokenUri) + "]";
	}

}
