package ai.scailabs.scaivault.devserver;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conformance tests of the server core: routing, error bodies, request ids, authentication.
 */
class ScaiVaultDevServerTests {

	static ScaiVaultDevServer server;

	static DevServerHttp http;

	@BeforeAll
	static void start() {
		server = ScaiVaultDevServer.builder().rootToken("dev-root").start();
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

}
