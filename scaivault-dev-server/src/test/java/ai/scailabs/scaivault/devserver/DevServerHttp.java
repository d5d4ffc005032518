package ai.scailabs.scaivault.devserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * Plain JDK HTTP client for conformance tests against a {@link ScaiVaultDevServer}: every call
 * returns the status, the headers and the parsed JSON body.
 *
 * <pre class="code">
 * DevServerHttp http = new DevServerHttp(server);
 * DevServerHttp.Response response = http.put("/v1/secrets/app/db", server.rootToken(), "{\"data\": {\"k\": \"v\"}}");
 * assertThat(response.status()).isEqualTo(200);
 * assertThat(response.json().path("version").asInt()).isEqualTo(1);
 * </pre>
 */
public final class DevServerHttp {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final String baseUrl;

	private final HttpClient client;

	/**
	 * @param server the server (HTTP or HTTPS; HTTPS trusts the server's dev CA)
	 */
	public DevServerHttp(ScaiVaultDevServer server) {
		this.baseUrl = server.baseUrl();
		HttpClient.Builder builder = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5));
		if (server.https()) {
			builder.sslContext(server.sslContext());
		}
		this.client = builder.build();
	}

	public Response get(String path, @Nullable String token) {
		return send("GET", path, token, null);
	}

	public Response get(String path, @Nullable String token, @Nullable String jsonBody) {
		return send("GET", path, token, jsonBody);
	}

	public Response put(String path, @Nullable String token, @Nullable String jsonBody) {
		return send("PUT", path, token, jsonBody);
	}

	public Response post(String path, @Nullable String token, @Nullable String jsonBody) {
		return send("POST", path, token, jsonBody);
	}

	public Response patch(String path, @Nullable String token, @Nullable String jsonBody) {
		return send("PATCH", path, token, jsonBody);
	}

	public Response delete(String path, @Nullable String token) {
		return send("DELETE", path, token, null);
	}

	public Response delete(String path, @Nullable String token, @Nullable String jsonBody) {
		return send("DELETE", path, token, jsonBody);
	}

	/**
	 * POST an HTML form, such as the client-credentials grant to {@code /oauth/token}.
	 * @param path the path
	 * @param form the encoded form, such as {@code grant_type=client_credentials&client_id=a&client_secret=b}
	 * @return the response
	 */
	public Response postForm(String path, String form) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build();
		return exchange(request);
	}

	/**
	 * Send any request.
	 * @param method the method
	 * @param path the path and query, such as {@code /v1/secrets?prefix=app/}
	 * @param token the bearer token, or {@code null} for none
	 * @param jsonBody the raw body (sent as {@code application/json}), or {@code null} for none
	 * @return the response
	 */
	public Response send(String method, String path, @Nullable String token, @Nullable String jsonBody) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofSeconds(30))
			.method(method, (jsonBody != null) ? HttpRequest.BodyPublishers.ofString(jsonBody)
					: HttpRequest.BodyPublishers.noBody());
		if (jsonBody != null) {
			builder.header("Content-Type", "application/json");
		}
		if (token != null) {
			builder.header("Authorization", "Bearer " + token);
		}
		return exchange(builder.build());
	}

	private Response exchange(HttpRequest request) {
		try {
			HttpResponse<String> response = this.client.send(request,
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Response(response.statusCode(), response.headers(), response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A response.
	 *
	 * @param status the HTTP status
	 * @param headers the headers
	 * @param body the raw body ({@code ""} for none)
	 */
	public record Response(int status, HttpHeaders headers, String body) {

		/** @return the parsed JSON body, or a missing node for an empty body */
		public JsonNode json() {
			return this.body.isEmpty() ? MissingNode.getInstance() : json.readTree(this.body);
		}

		/** @return {@code error.code} of an error body, or {@code ""} */
		public String errorCode() {
			return json().path("error").path("code").asString("");
		}

		/**
		 * @param name a header name
		 * @return its first value, or {@code null}
		 */
		public @Nullable String header(String name) {
			return this.headers.firstValue(name).orElse(null);
		}

		@Override
		public String toString() {
			return this.status + " " + this.body;
		}

	}

}
