package ai.scailabs.scaivault.devserver.audit;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import ai.scailabs.scaivault.devserver.DevServerHttp;
import ai.scailabs.scaivault.devserver.ScaiVaultDevServer;
import ai.scailabs.scaivault.devserver.http.ApiResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conformance tests of {@code GET /v1/audit}.
 */
class AuditFeatureTests {

	static final String ROOT = "dev-root";

	static ScaiVaultDevServer server;

	static DevServerHttp http;

	@BeforeAll
	static void start() {
		server = ScaiVaultDevServer.builder()
			.rootToken(ROOT)
			.routes((context, routes) -> routes.get("/v1/test/read/{path**}", (request) -> {
				context.accessControl().require(request, "read", request.pathVariable("path"));
				return ApiResponse.ok(Map.of("value", "never-in-audit"));
			}))
			.start();
		http = new DevServerHttp(server);
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@Test
	void auditListsAllowedAndDeniedEntriesWithoutValues() {
		String token = server.issueToken("sa:auditor-target");
		DevServerHttp.Response allowed = http.get("/v1/test/read/audit/a", ROOT);
		http.get("/v1/test/read/audit/a", token);
		DevServerHttp.Response page = http.get("/v1/audit?path=audit/a", ROOT);
		assertThat(page.status()).isEqualTo(200);
		JsonNode data = page.json().path("data");
		assertThat(data.size()).isEqualTo(2);
		JsonNode first = data.get(0);
		assertThat(first.path("id").asString()).startsWith("aud_");
		assertThat(first.path("identity_id").asString()).isEqualTo("root");
		assertThat(first.path("action").asString()).isEqualTo("read");
		assertThat(first.path("path").asString()).isEqualTo("audit/a");
		assertThat(first.path("source_ip").asString()).isEqualTo("127.0.0.1");
		assertThat(first.path("result").asString()).isEqualTo("allowed");
		assertThat(first.path("request_id").asString()).isEqualTo(allowed.header("X-Request-Id"));
		assertThat(Instant.parse(first.path("timestamp").asString())).isNotNull();
		assertThat(data.get(1).path("result").asString()).isEqualTo("denied");
		assertThat(data.get(1).path("identity_id").asString()).isEqualTo("sa:auditor-target");
		assertThat(page.body()).doesNotContain("never-in-audit");
		assertThat(page.json().path("has_more").asBoolean()).isFalse();
	}

	@Test
	void auditFiltersByIdentityActionAndSince() {
		String token = server.issueToken("sa:filtered");
		http.get("/v1/test/read/filter/x", token);
		assertThat(http.get("/v1/audit?identity_id=sa:filtered", ROOT).json().path("data").size()).isEqualTo(1);
		assertThat(http.get("/v1/audit?identity_id=sa:filtered&action=write", ROOT).json().path("data").size())
			.isZero();
		assertThat(http.get("/v1/audit?path=filter/", ROOT).json().path("data").size()).isEqualTo(1);
		String future = server.clock().now().plusSeconds(3600).toString();
		assertThat(http.get("/v1/audit?identity_id=sa:filtered&since=" + future, ROOT).json().path("data").size())
			.isZero();
	}

	@Test
	void auditPaginatesWithCursor() {
		for (int i = 0; i < 3; i++) {
			http.get("/v1/test/read/paged/entry", ROOT);
		}
		DevServerHttp.Response first = http.get("/v1/audit?path=paged/entry&limit=2", ROOT);
		assertThat(first.json().path("data").size()).isEqualTo(2);
		assertThat(first.json().path("has_more").asBoolean()).isTrue();
		DevServerHttp.Response second = http
			.get("/v1/audit?path=paged/entry&limit=2&cursor=" + first.json().path("cursor").asString(), ROOT);
		assertThat(second.json().path("data").size()).isEqualTo(1);
		assertThat(second.json().path("has_more").asBoolean()).isFalse();
	}

	@Test
	void auditWhenSinceIsNotTimestampReturnsValidationError() {
		assertThat(http.get("/v1/audit?since=yesterday", ROOT).errorCode()).isEqualTo("validation_error");
	}

	@Test
	void auditWithoutReadOnSysAuditReturnsAccessDenied() {
		DevServerHttp.Response response = http.get("/v1/audit", server.issueToken("sa:curious"));
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.errorCode()).isEqualTo("access_denied");
	}

}
