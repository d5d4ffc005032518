package ai.scailabs.scaivault.devserver.policy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import ai.scailabs.scaivault.devserver.DevServerHttp;
import ai.scailabs.scaivault.devserver.ScaiVaultDevServer;
import ai.scailabs.scaivault.devserver.WalkThroughBodies;
import ai.scailabs.scaivault.devserver.http.ApiResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conformance tests of {@code /v1/policies} and of the {@link AccessControl} that enforces them
 * (through a test-only route that checks a permission on a path).
 */
class PolicyFeatureTests {

	static final String ROOT = "dev-root";

	static ScaiVaultDevServer server;

	static DevServerHttp http;

	@BeforeAll
	static void start() {
		server = ScaiVaultDevServer.builder()
			.rootToken(ROOT)
			.client("reporting", "s3cret", "sa:reporting-service")
			.routes((context, routes) -> routes.get("/v1/test/check/{permission}/{path**}", (request) -> {
				context.accessControl().require(request, request.pathVariable("permission"), request.pathVariable("path"));
				return ApiResponse.ok(Map.of("allowed", true));
			}))
			.start();
		http = new DevServerHttp(server);
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	static String createPolicy(String body) {
		DevServerHttp.Response response = http.post("/v1/policies", ROOT, body);
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json().path("id").asString();
	}

	static String bind(String policyId, String type, String identityId) {
		DevServerHttp.Response response = http.post("/v1/policies/" + policyId + "/bindings", ROOT,
				"{\"identity_type\": \"" + type + "\", \"identity_id\": \"" + identityId + "\"}");
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json().path("id").asString();
	}

	static int check(String token, String permission, String path) {
		return http.get("/v1/test/check/" + permission + "/" + path, token).status();
	}

	static String rule(String name, String pattern, String permissions, String conditions) {
		return "{\"name\": \"" + name + "\", \"rules\": [{\"path_pattern\": \"" + pattern + "\", \"permissions\": ["
				+ permissions + "]" + ((conditions != null) ? ", \"conditions\": " + conditions : "") + "}]}";
	}

	@Test
	void walkThroughCreateBindAndReadAllowsOnlyThatPath() {
		DevServerHttp.Response created = http.post("/v1/policies", ROOT, WalkThroughBodies.CREATE_POLICY);
		assertThat(created.status()).isEqualTo(201);
		String policyId = created.json().path("id").asString();
		assertThat(policyId).startsWith("pol_");
		assertThat(created.json().path("name").asString()).isEqualTo("reporting-service-salesforce");
		assertThat(created.json().path("description").asString()).isEqualTo("Reporting service reads Salesforce OAuth");
		assertThat(created.json().path("rules").get(0).path("path_pattern").asString())
			.isEqualTo("integrations/salesforce/oauth");
		assertThat(created.json().path("created_at").asString()).endsWith("Z");

		DevServerHttp.Response bound = http.post("/v1/policies/" + policyId + "/bindings", ROOT, WalkThroughBodies.BIND);
		assertThat(bound.status()).isEqualTo(201);
		assertThat(bound.json().path("id").asString()).startsWith("bnd_");
		assertThat(bound.json().path("policy_id").asString()).isEqualTo(policyId);
		assertThat(bound.json().path("identity_type").asString()).isEqualTo("service_account");
		assertThat(bound.json().path("identity_id").asString()).isEqualTo("sa:reporting-service");

		String token = http.postForm("/oauth/token",
				"grant_type=client_credentials&client_id=reporting&client_secret=s3cret")
			.json()
			.path("access_token")
			.asString();
		assertThat(check(token, "read", "integrations/salesforce/oauth")).isEqualTo(200);
		assertThat(check(token, "read", "integrations/salesforce/other")).isEqualTo(403);
		assertThat(check(token, "write", "integrations/salesforce/oauth")).isEqualTo(403);
		assertThat(check(token, "read", "integrations/salesforce")).isEqualTo(403);
	}

	@Test
	void everyCheckLeavesOneAuditEntry() {
		String policyId = createPolicy(rule("audited", "audited/one", "\"read\"", null));
		bind(policyId, "service_account", "sa:audited");
		String token = server.issueToken("sa:audited");
		int before = server.audit().entries((entry) -> entry.identityId().equals("sa:audited")).size();
		check(token, "read", "audited/one");
		check(token, "read", "audited/two");
		List<ai.scailabs.scaivault.devserver.audit.AuditEntry> entries = server.audit()
			.entries((entry) -> entry.identityId().equals("sa:audited"));
		assertThat(entries).hasSize(before + 2);
		assertThat(entries.get(before).result()).isEqualTo("allowed");
		assertThat(entries.get(before).path()).isEqualTo("audited/one");
		assertThat(entries.get(before + 1).result()).isEqualTo("denied");
		assertThat(entries.get(before + 1).sourceIp()).isEqualTo("127.0.0.1");
	}

	@Test
	void groupBindingCoversMembers() {
		String policyId = createPolicy(rule("developers", "dev/**", "\"read\", \"list\"", null));
		bind(policyId, "group", "group:developers");
		String member = server.issueToken("user:alice@acme.example", "group:developers");
		String outsider = server.issueToken("user:bob@acme.example", "group:ops");
		assertThat(check(member, "read", "dev/db/password")).isEqualTo(200);
		assertThat(check(member, "list", "dev")).isEqualTo(200);
		assertThat(check(outsider, "read", "dev/db/password")).isEqualTo(403);
	}

	@Test
	void ipRangesConditionAllowsOnlyCallersInRange() {
		String inside = createPolicy(rule("loopback-only", "ip/inside", "\"read\"", "{\"ip_ranges\": [\"127.0.0.0/8\"]}"));
		String outside = createPolicy(rule("office-only", "ip/outside", "\"read\"", "{\"ip_ranges\": [\"10.0.0.0/8\", \"fd00::/8\"]}"));
		bind(inside, "service_account", "sa:ip");
		bind(outside, "service_account", "sa:ip");
		String token = server.issueToken("sa:ip");
		assertThat(check(token, "read", "ip/inside")).isEqualTo(200);
		assertThat(check(token, "read", "ip/outside")).isEqualTo(403);
	}

	@Test
	void ipRangesConditionMatchesIpv6InPolicyTest() {
		String policyId = createPolicy(rule("ipv6-office", "ip6/db", "\"read\"", "{\"ip_ranges\": [\"fd00::/8\"]}"));
		bind(policyId, "service_account", "sa:ip6");
		JsonNode inside = http.post("/v1/policies/test", ROOT, """
				{"identity_id": "sa:ip6", "path": "ip6/db", "permission": "read",
				 "context": {"source_ip": "fd12::50", "mfa": false}}""").json();
		JsonNode outside = http.post("/v1/policies/test", ROOT, """
				{"identity_id": "sa:ip6", "path": "ip6/db", "permission": "read",
				 "context": {"source_ip": "2001:db8::1"}}""").json();
		assertThat(inside.path("allowed").asBoolean()).isTrue();
		assertThat(outside.path("allowed").asBoolean()).isFalse();
		assertThat(outside.path("reason").asString()).contains("2001:db8");
	}

	@Test
	void requireMfaConditionAllowsOnlyMfaTokens() {
		String policyId = createPolicy(rule("mfa-only", "mfa/secret", "\"read\"", "{\"require_mfa\": true}"));
		bind(policyId, "user", "user:carol@acme.example");
		String withMfa = server.issueToken("user:carol@acme.example", Set.of(), true, Duration.ofMinutes(5));
		String withoutMfa = server.issueToken("user:carol@acme.example", Set.of(), false, Duration.ofMinutes(5));
		assertThat(check(withMfa, "read", "mfa/secret")).isEqualTo(200);
		assertThat(check(withoutMfa, "read", "mfa/secret")).isEqualTo(403);
	}

	@Test
	void policyTestWithWalkThroughIdentityReportsMatchedPolicy() {
		String policyId = createPolicy(rule("test-endpoint", "test/endpoint", "\"read\"", null));
		bind(policyId, "service_account", "sa:tested");
		DevServerHttp.Response allowed = http.post("/v1/policies/test", ROOT, """
				{"identity_id": "sa:tested", "path": "test/endpoint", "permission": "read",
				 "context": {"source_ip": "10.0.1.50", "mfa": false}}""");
		assertThat(allowed.status()).isEqualTo(200);
		assertThat(allowed.json().path("allowed").asBoolean()).isTrue();
		assertThat(allowed.json().path("matched_policies").get(0).asString()).isEqualTo("test-endpoint");
		DevServerHttp.Response denied = http.post("/v1/policies/test", ROOT,
				"{\"identity_id\": \"sa:tested\", \"path\": \"test/other\", \"permission\": \"read\"}");
		assertThat(denied.json().path("allowed").asBoolean()).isFalse();
		assertThat(denied.json().path("matched_policies").isEmpty()).isTrue();
		assertThat(denied.json().path("reason").asString()).contains("No policy allows read on test/other");
	}

	@Test
	void denyByDefaultForUnboundIdentity() {
		assertThat(check(server.issueToken("sa:unbound"), "read", "anything")).isEqualTo(403);
	}

	@Test
	void createPolicyWhenRuleHasNoPathPatternReturnsValidationError() {
		DevServerHttp.Response response = http.post("/v1/policies", ROOT,
				"{\"name\": \"bad\", \"rules\": [{\"permissions\": [\"read\"]}]}");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.errorCode()).isEqualTo("validation_error");
		assertThat(response.json().path("error").path("details").path("field").asString())
			.isEqualTo("rules[0].path_pattern");
	}

	@Test
	void createPolicyWhenFieldIsUnknownReturnsValidationError() {
		DevServerHttp.Response response = http.post("/v1/policies", ROOT,
				"{\"name\": \"bad\", \"colour\": \"red\", \"rules\": [{\"path_pattern\": \"a\", \"permissions\": [\"read\"]}]}");
		assertThat(response.errorCode()).isEqualTo("validation_error");
		assertThat(response.json().path("error").path("message").asString()).contains("colour");
	}

	@Test
	void createPolicyWhenRuleFieldIsUnknownReturnsValidationError() {
		assertThat(http.post("/v1/policies", ROOT, rule("bad", "a", "\"read\"", "{\"weekdays\": true}")).errorCode())
			.isEqualTo("validation_error");
	}

	@Test
	void createPolicyWhenPermissionIsUnknownReturnsValidationError() {
		assertThat(http.post("/v1/policies", ROOT, rule("bad", "a", "\"fly\"", null)).errorCode())
			.isEqualTo("validation_error");
	}

	@Test
	void createPolicyWhenIpRangeIsNotCidrReturnsValidationError() {
		assertThat(http.post("/v1/policies", ROOT, rule("bad", "a", "\"read\"", "{\"ip_ranges\": [\"office\"]}"))
			.errorCode()).isEqualTo("validation_error");
	}

	@Test
	void createPolicyWhenRulesAreMissingReturnsValidationError() {
		assertThat(http.post("/v1/policies", ROOT, "{\"name\": \"bad\"}").errorCode()).isEqualTo("validation_error");
		assertThat(http.post("/v1/policies", ROOT, "{\"rules\": []}").errorCode()).isEqualTo("validation_error");
	}

	@Test
	void createPolicyWhenNameIsTakenReturnsConflict() {
		createPolicy(rule("taken", "a", "\"read\"", null));
		DevServerHttp.Response response = http.post("/v1/policies", ROOT, rule("taken", "b", "\"read\"", null));
		assertThat(response.status()).isEqualTo(409);
		assertThat(response.errorCode()).isEqualTo("conflict");
	}

	@Test
	void getUpdateAndDeletePolicy() {
		String policyId = createPolicy(rule("lifecycle", "life/a", "\"read\"", null));
		bind(policyId, "service_account", "sa:life");
		String token = server.issueToken("sa:life");
		assertThat(http.get("/v1/policies/" + policyId, ROOT).json().path("bindings").size()).isEqualTo(1);

		DevServerHttp.Response updated = http.put("/v1/policies/" + policyId, ROOT,
				rule("lifecycle", "life/b", "\"read\"", null));
		assertThat(updated.status()).isEqualTo(200);
		assertThat(updated.json().path("rules").get(0).path("path_pattern").asString()).isEqualTo("life/b");
		assertThat(check(token, "read", "life/a")).isEqualTo(403);
		assertThat(check(token, "read", "life/b")).isEqualTo(200);

		assertThat(http.delete("/v1/policies/" + policyId, ROOT).status()).isEqualTo(204);
		assertThat(http.get("/v1/policies/" + policyId, ROOT).errorCode()).isEqualTo("not_found");
		assertThat(check(token, "read", "life/b")).isEqualTo(403);
	}

	@Test
	void getPolicyWhenMissingReturnsNotFound() {
		DevServerHttp.Response response = http.get("/v1/policies/pol_missing", ROOT);
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.errorCode()).isEqualTo("not_found");
		assertThat(http.put("/v1/policies/pol_missing", ROOT, rule("x", "a", "\"read\"", null)).status()).isEqualTo(404);
		assertThat(http.delete("/v1/policies/pol_missing", ROOT).status()).isEqualTo(404);
		assertThat(http.post("/v1/policies/pol_missing/bindings", ROOT, WalkThroughBodies.BIND).status()).isEqualTo(404);
	}

	@Test
	void unbindRevokesAccess() {
		String policyId = createPolicy(rule("unbind", "unbind/a", "\"read\"", null));
		String bindingId = bind(policyId, "service_account", "sa:unbind");
		String token = server.issueToken("sa:unbind");
		assertThat(check(token, "read", "unbind/a")).isEqualTo(200);
		assertThat(http.delete("/v1/policies/" + policyId + "/bindings/" + bindingId, ROOT).status()).isEqualTo(204);
		assertThat(check(token, "read", "unbind/a")).isEqualTo(403);
		assertThat(http.delete("/v1/policies/" + policyId + "/bindings/" + bindingId, ROOT).status()).isEqualTo(404);
	}

	@Test
	void bindWhenIdentityTypeIsUnknownReturnsValidationError() {
		String policyId = createPolicy(rule("bind-bad", "a", "\"read\"", null));
		assertThat(http.post("/v1/policies/" + policyId + "/bindings", ROOT,
				"{\"identity_type\": \"robot\", \"identity_id\": \"sa:x\"}").errorCode()).isEqualTo("validation_error");
		assertThat(http.post("/v1/policies/" + policyId + "/bindings", ROOT,
				"{\"identity_type\": \"group\", \"identity_id\": \"sa:x\"}").errorCode()).isEqualTo("validation_error");
		assertThat(http.post("/v1/policies/" + policyId + "/bindings", ROOT,
				"{\"identity_type\": \"group\", \"identity_id\": \"group:x\", \"extra\": 1}").errorCode())
			.isEqualTo("validation_error");
	}

	@Test
	void policiesWithoutAdminOnSysPoliciesReturnsAccessDenied() {
		String token = server.issueToken("sa:not-admin");
		DevServerHttp.Response response = http.post("/v1/policies", token, rule("x", "a", "\"read\"", null));
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.errorCode()).isEqualTo("access_denied");
		assertThat(response.json().path("error").path("details").path("path").asString()).isEqualTo("sys/policies");
	}

	@Test
	void policiesWithAdminOnSysPoliciesAreAllowed() {
		String policyId = createPolicy(rule("policy-admins", "sys/policies", "\"admin\"", null));
		bind(policyId, "service_account", "sa:policy-admin");
		String token = server.issueToken("sa:policy-admin");
		assertThat(http.get("/v1/policies", token).status()).isEqualTo(200);
	}

	@Test
	void listPoliciesPaginatesWithCursor() {
		try (ScaiVaultDevServer own = ScaiVaultDevServer.builder().rootToken(ROOT).start()) {
			DevServerHttp ownHttp = new DevServerHttp(own);
			for (int i = 0; i < 5; i++) {
				assertThat(ownHttp.post("/v1/policies", ROOT, rule("page-" + i, "a", "\"read\"", null)).status())
					.isEqualTo(201);
			}
			List<String> names = new ArrayList<>();
			String cursor = null;
			int pages = 0;
			do {
				DevServerHttp.Response page = ownHttp.get("/v1/policies?limit=2" + ((cursor != null) ? "&cursor=" + cursor : ""),
						ROOT);
				assertThat(page.status()).isEqualTo(200);
				page.json().path("data").forEach((policy) -> names.add(policy.path("name").asString()));
				boolean more = page.json().path("has_more").asBoolean();
				cursor = more ? page.json().path("cursor").asString() : null;
				if (!more) {
					assertThat(page.json().path("cursor").isNull()).isTrue();
				}
				pages++;
			}
			while (cursor != null);
			assertThat(pages).isEqualTo(3);
			assertThat(names).containsExactlyInAnyOrder("page-0", "page-1", "page-2", "page-3", "page-4");
			assertThat(ownHttp.get("/v1/policies", ROOT).json().path("data").size()).isEqualTo(5);
		}
	}

	@Test
	void listPoliciesWhenLimitIsOutOfRangeReturnsValidationError() {
		assertThat(http.get("/v1/policies?limit=0", ROOT).errorCode()).isEqualTo("validation_error");
		assertThat(http.get("/v1/policies?limit=1001", ROOT).errorCode()).isEqualTo("validation_error");
		assertThat(http.get("/v1/policies?limit=ten", ROOT).errorCode()).isEqualTo("validation_error");
		assertThat(http.get("/v1/policies?limit=1000", ROOT).status()).isEqualTo(200);
		assertThat(http.get("/v1/policies?cursor=%25%25%25", ROOT).errorCode()).isEqualTo("validation_error");
	}

}
