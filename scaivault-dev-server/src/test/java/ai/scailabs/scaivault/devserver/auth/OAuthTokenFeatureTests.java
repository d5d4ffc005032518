package ai.scailabs.scaivault.devserver.auth;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ai.scailabs.scaivault.devserver.DevServerHttp;
import ai.scailabs.scaivault.devserver.ScaiVaultDevServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conformance tests of {@code POST /oauth/token} (client-credentials grant).
 */
class OAuthTokenFeatureTests {

	static ScaiVaultDevServer server;

	static DevServerHttp http;

	@BeforeAll
	static void start() {
		server = ScaiVaultDevServer.builder()
			.client("reporting", "s3cret", "sa:reporting-service", "group:reporting")
			.tokenLifetime(Duration.ofMinutes(10))
			.routes((context, routes) -> routes.get("/v1/test/whoami",
					(request) -> ai.scailabs.scaivault.devserver.http.ApiResponse
						.ok(java.util.Map.of("identity_id", request.principal().identityId(), "groups",
								request.principal().groups(), "mfa", request.principal().mfa()))))
			.start();
		http = new DevServerHttp(server);
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@Test
	void tokenWithClientCredentialsReturnsBearerToken() {
		DevServerHttp.Response response = http.postForm("/oauth/token",
				"grant_type=client_credentials&client_id=reporting&client_secret=s3cret&scope=vault");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().path("token_type").asString()).isEqualTo("Bearer");
		assertThat(response.json().path("expires_in").asLong()).isEqualTo(600);
		assertThat(response.header("X-Request-Id")).isNotNull();
		String token = response.json().path("access_token").asString();
		DevServerHttp.Response whoami = http.get("/v1/test/whoami", token);
		assertThat(whoami.json().path("identity_id").asString()).isEqualTo("sa:reporting-service");
		assertThat(whoami.json().path("groups").get(0).asString()).isEqualTo("group:reporting");
		assertThat(whoami.json().path("mfa").asBoolean()).isFalse();
	}

	@Test
	void tokenWithBasicClientAuthenticationReturnsBearerToken() {
		String basic = Base64.getEncoder().encodeToString("reporting:s3cret".getBytes(StandardCharsets.UTF_8));
		java.net.http.HttpRequest request = java.net.http.HttpRequest
			.newBuilder(java.net.URI.create(server.baseUrl() + "/oauth/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Authorization", "Basic " + basic)
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
			.build();
		try {
			java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient()
				.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
			assertThat(answer.statusCode()).isEqualTo(200);
			assertThat(answer.body()).contains("access_token");
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void tokenWithoutGrantTypeReturnsValidationError() {
		assertThat(http.postForm("/oauth/token", "client_id=reporting&client_secret=s3cret").errorCode())
			.isEqualTo("validation_error");
	}

	@Test
	void tokenWithWrongSecretReturnsInvalidClient() {
		DevServerHttp.Response response = http.postForm("/oauth/token",
				"grant_type=client_credentials&client_id=reporting&client_secret=guess-xyz");
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.errorCode()).isEqualTo("authentication_required");
		assertThat(response.json().path("error").path("details").path("oauth_error").asString())
			.isEqualTo("invalid_client");
		assertThat(response.body()).doesNotContain("guess-xyz");
	}

	@Test
	void tokenWithUnknownClientReturnsInvalidClient() {
		DevServerHttp.Response response = http.postForm("/oauth/token",
				"grant_type=client_credentials&client_id=nobody&client_secret=s3cret");
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.json().path("error").path("details").path("oauth_error").asString())
			.isEqualTo("invalid_client");
	}

	@Test
	void tokenWithOtherGrantTypeReturnsValidationError() {
		DevServerHttp.Response response = http.postForm("/oauth/token", "grant_type=password&username=a&password=b");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.errorCode()).isEqualTo("validation_error");
		assertThat(response.json().path("error").path("details").path("oauth_error").asString())
			.isEqualTo("unsupported_grant_type");
	}

	@Test
	void tokenExpiresAfterLifetimeOnDevClock() {
		String token = http.postForm("/oauth/token",
				"grant_type=client_credentials&client_id=reporting&client_secret=s3cret")
			.json()
			.path("access_token")
			.asString();
		server.clock().advance(Duration.ofMinutes(11));
		DevServerHttp.Response response = http.get("/v1/test/whoami", token);
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.errorCode()).isEqualTo("token_expired");
	}

	@Test
	void tokenLongExpiredOnDevClockStillReturnsTokenExpired() {
		String token = http.postForm("/oauth/token",
				"grant_type=client_credentials&client_id=reporting&client_secret=s3cret")
			.json()
			.path("access_token")
			.asString();
		server.clock().advance(Duration.ofDays(2));
		DevServerHttp.Response response = http.get("/v1/test/whoami", token);
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.errorCode()).isEqualTo("token_expired");
		assertThat(response.json().path("error").path("details").path("expired_at").asString()).isNotEmpty();
	}

	@Test
	void tokenRevokedAfterItWasForgottenReturnsAuthenticationRequired() {
		String token = server.issueToken("sa:revoked", java.util.Set.of(), false, Duration.ofMinutes(1));
		server.clock().advance(Duration.ofDays(2));
		server.revokeToken(token);
		assertThat(http.get("/v1/test/whoami", token).errorCode()).isEqualTo("authentication_required");
	}

	@Test
	void tokenNeverIssuedReturnsAuthenticationRequired() {
		server.clock().advance(Duration.ofDays(2));
		assertThat(http.get("/v1/test/whoami", "svt_never-issued").errorCode()).isEqualTo("authentication_required");
	}

	@Test
	void tokenWithSecretOfOtherLengthReturnsInvalidClient() {
		DevServerHttp.Response response = http.postForm("/oauth/token",
				"grant_type=client_credentials&client_id=reporting&client_secret=s3cret-and-more");
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.json().path("error").path("details").path("oauth_error").asString())
			.isEqualTo("invalid_client");
	}

	@Test
	void issuedTokenCarriesMfaFlag() {
		String token = server.issueToken("user:alice@acme.example", java.util.Set.of("group:developers"), true,
				Duration.ofMinutes(5));
		DevServerHttp.Response whoami = http.get("/v1/test/whoami", token);
		assertThat(whoami.json().path("identity_id").asString()).isEqualTo("user:alice@acme.example");
		assertThat(whoami.json().path("mfa").asBoolean()).isTrue();
	}

	@Test
	void clientRegistrationToStringHidesSecret() {
		assertThat(new ClientRegistration("a", "hidden-secret", "sa:a", java.util.Set.of()).toString())
			.doesNotContain("hidden-secret");
		assertThat(new IssuedToken("svt_hidden", ai.scailabs.scaivault.devserver.auth.Principal.ANONYMOUS, null)
			.toString()).doesNotContain("svt_hidden");
	}

}
