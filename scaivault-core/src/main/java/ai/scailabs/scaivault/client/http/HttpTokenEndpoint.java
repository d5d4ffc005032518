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

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import ai.scailabs.scaivault.client.ScaiVaultException;
import ai.scailabs.scaivault.client.auth.AccessToken;
import ai.scailabs.scaivault.client.auth.TokenEndpoint;

/**
 * The OAuth 2.0 token endpoint over the client's {@link HttpClient}: a form POST, a JSON answer.
 * Neither the form (it holds the client secret) nor the answer (it holds the token) is ever logged
 * or copied into an exception.
 */
public final class HttpTokenEndpoint implements TokenEndpoint {

	private final HttpClient httpClient;

	private final URI tokenUri;

	private final Duration timeout;

	private final String userAgent;

	private final JsonMapper mapper;

	private final ErrorResponses errors;

	public HttpTokenEndpoint(HttpClient httpClient, URI tokenUri, Duration timeout, String userAgent,
			JsonMapper mapper, ErrorResponses errors) {
		this.httpClient = httpClient;
		this.tokenUri = tokenUri;
		this.timeout = timeout;
		this.userAgent = userAgent;
		this.mapper = mapper;
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
					return this.mapper.readValue(response.body(), AccessToken.class);
				}
				catch (JacksonException ex) {
					throw new CompletionException(new ScaiVaultException(ScaiVaultException.UNEXPECTED_RESPONSE,
							"Token endpoint " + Urls.redact(this.tokenUri) + " answered with a body that is not a token",
							Map.of(), requestId, response.statusCode()));
				}
			});
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
