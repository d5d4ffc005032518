package ai.scailabs.scaivault.devserver;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ai.scailabs.scaivault.devserver.http.ApiResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conformance tests of the server core: routing, error bodies, request ids, authentication.
 */
class ScaiVaultDevServerTests {

	static ScaiVaultDevServer server;

	static DevServerHttp http;

	@BeforeAll
	static void start() {
		server = ScaiVaultDevServer.builder().rootToken("dev-root").routes((context, routes) -> {
			routes.get("/v1/test/boom", (request) -> {
				throw new IllegalStateException("boom");
			});
			routes.get("/v1/test/items/{id}", (request) -> ApiResponse.ok(Map.of("id", request.pathVariable("id"))));
			routes.get("/v1/test/items/special", (request) -> ApiResponse.ok(Map.of("special", true)));
			routes.post("/v1/test/items/{path**}/rotate",
					(request) -> ApiResponse.ok(Map.of("path", request.pathVariable("path"))));
			routes.get("/v1/test/echo", (request) -> ApiResponse.ok(Map.of("query", request.queryParameters(),
					"principal", request.principal().identityId(), "body", request.body())));
			routes.get("/v1/test/read/{path**}", (request) -> {
				context.accessControl().require(request, "read", request.pathVariable("path"));
				return ApiResponse.ok(Map.of("allowed", true));
			});
			routes.get("/v1/test/record", (request) -> ApiResponse.ok(new Sample("a", 2, java.time.Instant.parse("2026-11-22T12:00:00Z"))));
		}).start();
		http = new DevServerHttp(server);
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@Test
	void startListensOnLoopbackWithRandomPort() {
		assertThat(server.port()).isPositive();
		assertThat(server.baseUrl()).isEqualTo("http://127.0.0.1:" + server.port());
		assertThat(server.rootToken()).isEqualTo("dev-root");
	}

	@Test
	void healthWithoutTokenReturnsOk() {
		DevServerHttp.Response response = http.get("/v1/health", null);
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().path("status").asString()).isEqualTo("ok");
		assertThat(response.json().path("version").asString()).isEqualTo(ScaiVaultDevServer.VERSION);
		assertThat(response.header("X-Request-Id")).startsWith("req_");
	}

	@Test
	void unknownRouteReturnsNotFoundWithRequestId() {
		DevServerHttp.Response response = http.get("/v1/nothing/here", "dev-root");
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.errorCode()).isEqualTo("not_found");
		assertThat(response.json().path("error").path("request_id").asString())
			.isEqualTo(response.header("X-Request-Id"));
		assertThat(response.json().path("error").has("details")).isTrue();
		assertThat(response.json().path("error").path("message").asString()).isNotEmpty();
	}

	@Test
	void wrongMethodReturnsValidationErrorWithAllowHeader() {
		DevServerHttp.Response response = http.delete("/v1/health", "dev-root");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.errorCode()).isEqualTo("validation_error");
		assertThat(response.header("Allow")).isEqualTo("GET");
	}

	@Test
	void policiesWithoutTokenReturnsAuthenticationRequired() {
		DevServerHttp.Response response = http.get("/v1/policies", null);
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.errorCode()).isEqualTo("authentication_required");
	}

	@Test
	void policiesWithUnknownTokenReturnsAuthenticationRequired() {
		DevServerHttp.Response response = http.get("/v1/policies", "not-a-token");
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.errorCode()).isEqualTo("authentication_required");
	}

	@Test
	void requestWithNonObjectBodyReturnsValidationError() {
		DevServerHttp.Response response = http.post("/v1/policies", "dev-root", "[1, 2]");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.errorCode()).isEqualTo("validation_error");
	}

	@Test
	void requestWithInvalidJsonReturnsValidationError() {
		DevServerHttp.Response response = http.post("/v1/policies", "dev-root", "{\"name\": ");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.errorCode()).isEqualTo("validation_error");
	}

	@Test
	void everyResponseHasDistinctRequestId() {
		String first = http.get("/v1/health", null).header("X-Request-Id");
		String second = http.get("/v1/health", null).header("X-Request-Id");
		assertThat(first).isNotEqualTo(second);
	}

	@Test
	void routesListsTheFoundationRoutes() {
		List<String> routes = server.routes();
		assertThat(routes).contains("GET /v1/health (anonymous)", "POST /oauth/token (anonymous)", "POST /v1/policies",
				"GET /v1/audit");
	}

	@Test
	void expiredTokenReturnsTokenExpired() {
		String token = server.issueToken("sa:short-lived", Set.of(), false, Duration.ofMinutes(1));
		assertThat(http.get("/v1/test/echo", token).status()).isEqualTo(200);
		server.clock().advance(Duration.ofMinutes(2));
		DevServerHttp.Response response = http.get("/v1/test/echo", token);
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.errorCode()).isEqualTo("token_expired");
	}

	@Test
	void revokedTokenReturnsAuthenticationRequired() {
		String token = server.issueToken("sa:revoked");
		server.revokeToken(token);
		assertThat(http.get("/v1/test/echo", token).errorCode()).isEqualTo("authentication_required");
	}

	@Test
	void nonBearerAuthorizationReturnsAuthenticationRequired() {
		DevServerHttp.Response response = http.send("GET", "/v1/test/echo", null, null);
		assertThat(response.errorCode()).isEqualTo("authentication_required");
	}

	@Test
	void handlerFailureReturnsInternalErrorWithoutItsMessage() {
		DevServerHttp.Response response = http.get("/v1/test/boom", "dev-root");
		assertThat(response.status()).isEqualTo(500);
		assertThat(response.errorCode()).isEqualTo("internal_error");
		assertThat(response.body()).doesNotContain("boom");
	}

	@Test
	void readWithoutPolicyReturnsAccessDeniedWithDetails() {
		String token = server.issueToken("sa:nobody");
		DevServerHttp.Response response = http.get("/v1/test/read/app/db/password", token);
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.errorCode()).isEqualTo("access_denied");
		assertThat(response.json().path("error").path("details").path("path").asString()).isEqualTo("app/db/password");
		assertThat(response.json().path("error").path("details").path("permission").asString()).isEqualTo("read");
	}

	@Test
	void rootTokenIsAllowedEverything() {
		assertThat(http.get("/v1/test/read/any/path/at/all", "dev-root").status()).isEqualTo(200);
	}

	@Test
	void routeWithMoreLiteralSegmentsWins() {
		assertThat(http.get("/v1/test/items/special", "dev-root").json().path("special").asBoolean()).isTrue();
		assertThat(http.get("/v1/test/items/other", "dev-root").json().path("id").asString()).isEqualTo("other");
	}

	@Test
	void restVariableFollowedByLiteralMatchesManySegments() {
		DevServerHttp.Response response = http.post("/v1/test/items/a/b/c/rotate", "dev-root", "{}");
		assertThat(response.json().path("path").asString()).isEqualTo("a/b/c");
	}

	@Test
	void percentEncodedPathAndQueryAreDecoded() {
		DevServerHttp.Response items = http.get("/v1/test/items/a%20b", "dev-root");
		assertThat(items.json().path("id").asString()).isEqualTo("a b");
		DevServerHttp.Response echo = http.get("/v1/test/echo?prefix=app%2Fdb%2F&limit=5", "dev-root");
		assertThat(echo.json().path("query").path("prefix").asString()).isEqualTo("app/db/");
		assertThat(echo.json().path("principal").asString()).isEqualTo("root");
	}

	@Test
	void recordBodiesAreWrittenInSnakeCase() {
		DevServerHttp.Response response = http.get("/v1/test/record", "dev-root");
		assertThat(response.json().path("secret_type").asString()).isEqualTo("a");
		assertThat(response.json().path("max_versions").asInt()).isEqualTo(2);
		assertThat(response.json().path("created_at").asString()).isEqualTo("2026-11-22T12:00:00Z");
	}

	@Test
	void emptyBodyIsAnEmptyObject() {
		DevServerHttp.Response response = http.get("/v1/test/echo", "dev-root");
		assertThat(response.json().path("body").isObject()).isTrue();
		assertThat(response.json().path("body").isEmpty()).isTrue();
	}

	@Test
	void startsInWellUnderASecond() {
		long start = System.nanoTime();
		try (ScaiVaultDevServer other = ScaiVaultDevServer.builder().start()) {
			assertThat(new DevServerHttp(other).get("/v1/health", null).status()).isEqualTo(200);
		}
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
	}

	@Test
	void dispatchAsRootResponseToStringNeverShowsTheBody() {
		server.dispatchAsRoot("PUT", "/v1/secrets/app/leak-check",
				"{\"data\": {\"password\": \"s3cr3t-never-printed\"}}");
		ApiResponse response = server.dispatchAsRoot("GET", "/v1/secrets/app/leak-check", null);
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.toString()).doesNotContain("s3cr3t-never-printed").contains("200");
	}

	record Sample(String secretType, int maxVersions, java.time.Instant createdAt) {
	}

}
