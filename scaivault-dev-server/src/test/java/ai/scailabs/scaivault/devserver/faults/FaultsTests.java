package ai.scailabs.scaivault.devserver.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ai.scailabs.scaivault.devserver.DevServerHttp;
import ai.scailabs.scaivault.devserver.ScaiVaultDevServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Conformance tests of injected faults, the {@code /_dev/faults} endpoint and the request log.
 */
class FaultsTests {

	static final String ROOT = "dev-root";

	ScaiVaultDevServer server;

	DevServerHttp http;

	@BeforeEach
	void start() {
		this.server = ScaiVaultDevServer.builder().rootToken(ROOT).start();
		this.http = new DevServerHttp(this.server);
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void thirdRequestReturnsRateLimitedWithRetryAfter() {
		this.server.faults().add(Fault.rateLimited(Duration.ofSeconds(2)).onRequests(3).forPath("/v1/policies"));
		assertThat(this.http.get("/v1/policies", ROOT).status()).isEqualTo(200);
		assertThat(this.http.get("/v1/policies", ROOT).status()).isEqualTo(200);
		DevServerHttp.Response limited = this.http.get("/v1/policies", ROOT);
		assertThat(limited.status()).isEqualTo(429);
		assertThat(limited.errorCode()).isEqualTo("rate_limited");
		assertThat(limited.header("Retry-After")).isEqualTo("2");
		assertThat(limited.json().path("error").path("request_id").asString()).isEqualTo(limited.header("X-Request-Id"));
		assertThat(this.http.get("/v1/policies", ROOT).status()).isEqualTo(200);
	}

	@Test
	void faultForOtherPathLeavesRequestAlone() {
		this.server.faults().add(Fault.internalError().forPath("/v1/secrets"));
		assertThat(this.http.get("/v1/policies", ROOT).status()).isEqualTo(200);
	}

	@Test
	void faultForMethodHitsOnlyThatMethod() {
		this.server.faults().add(Fault.internalError().forMethod("POST").forPath("/v1/policies"));
		assertThat(this.http.get("/v1/policies", ROOT).status()).isEqualTo(200);
		DevServerHttp.Response response = this.http.post("/v1/policies", ROOT, "{}");
		assertThat(response.status()).isEqualTo(500);
		assertThat(response.errorCode()).isEqualTo("internal_error");
	}

	@Test
	void unavailableHealthReturnsServiceUnavailable() {
		this.server.faults().add(Fault.unavailable(Duration.ofSeconds(5)).forPath("/v1/health"));
		DevServerHttp.Response response = this.http.get("/v1/health", null);
		assertThat(response.status()).isEqualTo(503);
		assertThat(response.errorCode()).isEqualTo("service_unavailable");
		assertThat(response.header("Retry-After")).isEqualTo("5");
		this.server.faults().clear();
		this.server.faults().add(Fault.unavailable());
		DevServerHttp.Response withoutRetryAfter = this.http.get("/v1/health", null);
		assertThat(withoutRetryAfter.status()).isEqualTo(503);
		assertThat(withoutRetryAfter.header("Retry-After")).isNull();
		this.server.faults().clear();
		assertThat(this.http.get("/v1/health", null).status()).isEqualTo(200);
	}

	@Test
	void tokenExpiredFaultAnswersTokenExpired() {
		this.server.faults().add(Fault.tokenExpired().onRequests(1));
		DevServerHttp.Response response = this.http.get("/v1/policies", ROOT);
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.errorCode()).isEqualTo("token_expired");
		assertThat(this.http.get("/v1/policies", ROOT).status()).isEqualTo(200);
	}

	@Test
	void droppedConnectionClosesWithoutAnswer() {
		// the JDK client retries an idempotent request once on a closed connection, so POST
		this.server.faults().add(Fault.dropConnection().onRequests(1).forPath("/v1/policies"));
		assertThatExceptionOfType(UncheckedIOException.class)
			.isThrownBy(() -> this.http.post("/v1/policies", ROOT, "{}"))
			.withCauseInstanceOf(IOException.class);
		assertThat(this.http.get("/v1/policies", ROOT).status()).isEqualTo(200);
		assertThat(this.server.requestLog().entries().get(0).status()).isZero();
	}

	@Test
	void latencyFaultAnswersNormallyAfterDelay() {
		this.server.faults().add(Fault.latency(Duration.ofMillis(50)).onRequests(1));
		assertThat(this.http.get("/v1/health", null).status()).isEqualTo(200);
	}

	@Test
	void fractionFaultHitsSomeRequests() {
		this.server.faults().add(Fault.internalError().onFraction(0.5).forPath("/v1/health"));
		int failed = 0;
		for (int i = 0; i < 40; i++) {
			if (this.http.get("/v1/health", null).status() == 500) {
				failed++;
			}
		}
		assertThat(failed).isBetween(1, 39);
	}

	@Test
	void builderFaultAppliesFromStart() {
		try (ScaiVaultDevServer faulty = ScaiVaultDevServer.builder()
			.fault(Fault.rateLimited(Duration.ofSeconds(1)).onRequests(1))
			.start()) {
			assertThat(new DevServerHttp(faulty).get("/v1/health", null).status()).isEqualTo(429);
		}
	}

	@Test
	void devFaultsEndpointAddsListsAndClearsFaults() {
		DevServerHttp.Response added = this.http.post("/_dev/faults", ROOT,
				"{\"kind\": \"rate_limited\", \"retry_after_seconds\": 2, \"requests\": [2], \"method\": \"GET\", \"path_prefix\": \"/v1/health\"}");
		assertThat(added.status()).as(added.toString()).isEqualTo(201);
		assertThat(this.http.get("/_dev/faults", ROOT).json().path("data").size()).isEqualTo(1);
		assertThat(this.http.get("/v1/health", null).status()).isEqualTo(200);
		DevServerHttp.Response limited = this.http.get("/v1/health", null);
		assertThat(limited.status()).isEqualTo(429);
		assertThat(limited.header("Retry-After")).isEqualTo("2");
		this.http.post("/_dev/faults", ROOT, "{\"kind\": \"service_unavailable\"}");
		assertThat(this.http.get("/v1/health", null).status()).isEqualTo(503);
		assertThat(this.http.delete("/_dev/faults", ROOT).status()).isEqualTo(204);
		assertThat(this.http.get("/v1/health", null).status()).isEqualTo(200);
	}

	@Test
	void devFaultsEndpointAddsFaultAboveRate() {
		DevServerHttp.Response added = this.http.post("/_dev/faults", ROOT,
				"{\"kind\": \"rate_limited\", \"retry_after_seconds\": 1, \"above_rate_per_second\": 1000,"
						+ " \"path_prefix\": \"/v1/policies\"}");
		assertThat(added.status()).isEqualTo(201);
		assertThat(added.json().path("above_rate_per_second").asInt()).isEqualTo(1000);
		assertThat(this.server.faults().list()).singleElement().extracting(Fault::perSecond).isEqualTo(1000);
		assertThat(this.http.get("/v1/policies", ROOT).status()).isEqualTo(200);
		assertThat(this.http.post("/_dev/faults", ROOT, "{\"kind\": \"rate_limited\", \"above_rate_per_second\": 0}")
			.errorCode()).isEqualTo("validation_error");
	}

	@Test
	void devFaultsEndpointWhenKindIsUnknownReturnsValidationError() {
		assertThat(this.http.post("/_dev/faults", ROOT, "{\"kind\": \"meteor\"}").errorCode())
			.isEqualTo("validation_error");
		assertThat(this.http.post("/_dev/faults", ROOT, "{\"kind\": \"latency\", \"color\": 1}").errorCode())
			.isEqualTo("validation_error");
	}

	@Test
	void devFaultsEndpointWithoutRootTokenReturnsAccessDenied() {
		DevServerHttp.Response response = this.http.post("/_dev/faults", this.server.issueToken("sa:x"),
				"{\"kind\": \"internal_error\"}");
		assertThat(response.status()).isEqualTo(403);
		assertThat(this.http.post("/_dev/faults", null, "{\"kind\": \"internal_error\"}").status()).isEqualTo(401);
	}

	@Test
	void requestCountCountsRequestsByMethodAndPathPrefix() {
		this.http.post("/v1/policies", ROOT, "{}");
		this.http.post("/v1/policies/test", ROOT, "{}");
		this.http.get("/v1/policies", ROOT);
		assertThat(this.server.requestCount("POST", "/v1/policies")).isEqualTo(2);
		assertThat(this.server.requestCount("POST", "/v1/policies/test")).isEqualTo(1);
		assertThat(this.server.requestCount(null, "/v1/policies")).isEqualTo(3);
		LoggedRequest last = this.server.requestLog().entries().get(2);
		assertThat(last.method()).isEqualTo("GET");
		assertThat(last.status()).isEqualTo(200);
		assertThat(last.identityId()).isEqualTo("root");
	}

}
