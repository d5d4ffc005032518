package ai.scailabs.scaivault.client.policies;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

import ai.scailabs.scaivault.client.AbstractWireTests;
import ai.scailabs.scaivault.client.NotFoundException;
import ai.scailabs.scaivault.client.Page;
import ai.scailabs.scaivault.client.ValidationException;

import static ai.scailabs.scaivault.client.WireTestSupport.bodyOf;
import static ai.scailabs.scaivault.client.WireTestSupport.json;
import static ai.scailabs.scaivault.client.WireTestSupport.noContent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Wire tests of every policies call: method, path, query, headers, exact JSON body, and the answer
 * parsed into the model (contract section 5, walk-through step 2, Python guide "Policies").
 */
class PolicyOperationsWireTests extends AbstractWireTests {

	private static final String POLICY_JSON = """
			{"id": "pol_abc123", "name": "reporting-service-salesforce",
			 "description": "Reporting service reads Salesforce OAuth",
			 "rules": [{"path_pattern": "integrations/salesforce/oauth", "permissions": ["read"]}],
			 "created_at": "2026-11-22T12:00:00Z", "updated_at": "2026-11-22T12:00:00Z", "future_field": 1}
			""";

	@Test
	void createSendsTheWalkThroughBodyAndParsesPolicy() throws Exception {
		this.server.enqueue(json(201, POLICY_JSON));
		Policy policy = this.client.policies()
			.create("reporting-service-salesforce",
					List.of(PolicyRule.of("integrations/salesforce/oauth", Permission.READ)),
					"Reporting service reads Salesforce OAuth");
		RecordedRequest request = this.server.takeRequest();
		assertRequest(request, "POST", "/v1/policies");
		assertThat(bodyOf(request)).isEqualTo(json("""
				{"name": "reporting-service-salesforce",
				 "description": "Reporting service reads Salesforce OAuth",
				 "rules": [{"path_pattern": "integrations/salesforce/oauth", "permissions": ["read"]}]}
				"""));
		assertThat(policy.id()).isEqualTo("pol_abc123");
		assertThat(policy.name()).isEqualTo("reporting-service-salesforce");
		assertThat(policy.description()).isEqualTo("Reporting service reads Salesforce OAuth");
		assertThat(policy.rules()).containsExactly(PolicyRule.of("integrations/salesforce/oauth", Permission.READ));
		assertThat(policy.createdAt()).isEqualTo(Instant.parse("2026-11-22T12:00:00Z"));
	}

	@Test
	void createWithConditionsSendsThePythonGuideBody() throws Exception {
		this.server.enqueue(json(201, """
				{"id": "pol_prod", "name": "production-read-only",
				 "description": "Developers read production from VPN + MFA",
				 "rules": [{"path_pattern": "environments/production/**", "permissions": ["read", "list"],
				            "conditions": {"ip_ranges": ["10.0.0.0/8"], "require_mfa": true}}]}
				"""));
		PolicyRule rule = PolicyRule.of("environments/production/**", Permission.READ, Permission.LIST)
			.withConditions(PolicyConditions.ipRanges("10.0.0.0/8").withRequireMfa());
		Policy policy = this.asyncClient.policies()
			.create("production-read-only", List.of(rule), "Developers read production from VPN + MFA")
			.get(1, TimeUnit.MINUTES);
		RecordedRequest request = this.server.takeRequest();
		assertRequest(request, "POST", "/v1/policies");
		assertThat(bodyOf(request)).isEqualTo(json("""
				{"name": "production-read-only",
				 "description": "Developers read production from VPN + MFA",
				 "rules": [{"path_pattern": "environments/production/**", "permissions": ["read", "list"],
				            "conditions": {"ip_ranges": ["10.0.0.0/8"], "require_mfa": true}}]}
				"""));
		assertThat(policy.rules()).containsExactly(rule);
		assertThat(policy.rules().get(0).conditions()).isEqualTo(new PolicyConditions(List.of("10.0.0.0/8"), true));
	}

	@Test
	void getSendsGetOnThePolicy() throws Exception {
		this.server.enqueue(json(200, POLICY_JSON));
		Policy policy = this.client.policies().get("pol_abc123");
		RecordedRequest request = this.server.takeRequest();
		assertRequest(request, "GET", "/v1/policies/pol_abc123");
		assertThat(request.getBodySize()).isZero();
		assertThat(policy.id()).isEqualTo("pol_abc123");
	}

	@Test
	void getWhenPolicyIsMissingThrowsNotFound() {
		this.server.enqueue(json(404, """
				{"error": {"code": "not_found", "message": "No policy pol_nope", "details": {}, "request_id": "req_1"}}
				"""));
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> this.client.policies().get("pol_nope"));
	}

	@Test
	void listSendsLimitAndCursorAndParsesPage() throws Exception {
		this.server.enqueue(json(200, "{\"data\": [" + POLICY_JSON + "], \"has_more\": true, \"cursor\": \"c2\"}"));
		Page<Policy> page = this.client.policies().list(10, "c1");
		RecordedRequest request = this.server.takeRequest();
		assertRequest(request, "GET", "/v1/policies?limit=10&cursor=c1");
		assertThat(page.data()).extracting(Policy::id).containsExactly("pol_abc123");
		assertThat(page.hasMore()).isTrue();
		assertThat(page.cursor()).isEqualTo("c2");
	}

	@Test
	void listWithoutArgumentsSendsNoQuery() throws Exception {
		this.server.enqueue(json(200, "{\"data\": [], \"has_more\": false, \"cursor\": null}"));
		Page<Policy> page = this.asyncClient.policies().list().get(1, TimeUnit.MINUTES);
		assertRequest(this.server.takeRequest(), "GET", "/v1/policies");
		assertThat(page.data()).isEmpty();
		assertThat(page.hasMore()).isFalse();
		assertThat(page.cursor()).isNull();
	}

	@Test
	void updateSendsPutWithTheWholePolicy() throws Exception {
		this.server.enqueue(json(200, POLICY_JSON));
		this.client.policies()
			.update("pol_abc123", "reporting-service-salesforce",
					List.of(PolicyRule.of("integrations/salesforce/*", Permission.READ, Permission.LIST)), null);
		RecordedRequest request = this.server.takeRequest();
		assertRequest(request, "PUT", "/v1/policies/pol_abc123");
		assertThat(bodyOf(request)).isEqualTo(json("""
				{"name": "reporting-service-salesforce",
				 "rules": [{"path_pattern": "integrations/salesforce/*", "permissions": ["read", "list"]}]}
				"""));
	}

	@Test
	void deleteSendsDelete() throws Exception {
		this.server.enqueue(noContent());
		this.client.policies().delete("pol_abc123");
		assertRequest(this.server.takeRequest(), "DELETE", "/v1/policies/pol_abc123");
	}

	@Test
	void bindSendsTheWalkThroughBindingBody() throws Exception {
		this.server.enqueue(json(201, """
				{"id": "bnd_1", "policy_id": "pol_abc123", "identity_type": "service_account",
				 "identity_id": "sa:reporting-service", "created_at": "2026-11-22T12:01:00Z"}
				"""));
		PolicyBinding binding = this.client.policies()
			.bind("pol_abc123", IdentityType.SERVICE_ACCOUNT, "sa:reporting-service");
		RecordedRequest request = this.server.takeRequest();
		assertRequest(request, "POST", "/v1/policies/pol_abc123/bindings");
		assertThat(bodyOf(request)).isEqualTo(json("""
				{"identity_type": "service_account", "identity_id": "sa:reporting-service"}
				"""));
		assertThat(binding).isEqualTo(new PolicyBinding("bnd_1", "pol_abc123", IdentityType.SERVICE_ACCOUNT,
				"sa:reporting-service", Instant.parse("2026-11-22T12:01:00Z")));
	}

	@Test
	void bindToGroupSendsThePythonGuideBody() throws Exception {
		this.server.enqueue(json(201, "{\"id\": \"bnd_2\", \"identity_type\": \"group\"}"));
		PolicyBinding binding = this.asyncClient.policies()
			.bind("pol_prod", IdentityType.GROUP, "group:developers")
			.get(1, TimeUnit.MINUTES);
		RecordedRequest request = this.server.takeRequest();
		assertRequest(request, "POST", "/v1/policies/pol_prod/bindings");
		assertThat(bodyOf(request)).isEqualTo(json("""
				{"identity_type": "group", "identity_id": "group:developers"}
				"""));
		assertThat(binding.id()).isEqualTo("bnd_2");
		assertThat(binding.identityType()).isEqualTo(IdentityType.GROUP);
	}

	@Test
	void bindWithoutTypeTakesItFromTheIdentityPrefix() throws Exception {
		this.server.enqueue(json(201, "{\"id\": \"bnd_3\"}"));
		this.client.policies().bind("pol_abc123", "sa:reporting-service");
		assertThat(bodyOf(this.server.takeRequest())).isEqualTo(json("""
				{"identity_type": "service_account", "identity_id": "sa:reporting-service"}
				"""));
		assertThat(IdentityType.ofIdentity("group:developers")).isEqualTo(IdentityType.GROUP);
		assertThat(IdentityType.ofIdentity("user:alice@acme.example")).isEqualTo(IdentityType.USER);
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> this.client.policies().bind("pol_abc123", "robot-7"))
			.withMessageContaining("robot-7");
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void unbindSendsDeleteOnTheBinding() throws Exception {
		this.server.enqueue(noContent());
		this.client.policies().unbind("pol_abc123", "bnd_1");
		assertRequest(this.server.takeRequest(), "DELETE", "/v1/policies/pol_abc123/bindings/bnd_1");
	}

	@Test
	void testSendsContextAndParsesDecision() throws Exception {
		this.server.enqueue(json(200, """
				{"allowed": true, "matched_policies": ["production-read-only"], "reason": "allowed by production-read-only"}
				"""));
		PolicyTestResult result = this.client.policies()
			.test("user:alice@acme.example", "environments/production/salesforce/oauth", Permission.READ,
					new PolicyTestContext("10.0.1.50", false));
		RecordedRequest request = this.server.takeRequest();
		assertRequest(request, "POST", "/v1/policies/test");
		assertThat(bodyOf(request)).isEqualTo(json("""
				{"identity_id": "user:alice@acme.example", "path": "environments/production/salesforce/oauth",
				 "permission": "read", "context": {"source_ip": "10.0.1.50", "mfa": false}}
				"""));
		assertThat(result).isEqualTo(new PolicyTestResult(true, List.of("production-read-only"),
				"allowed by production-read-only"));
	}

	@Test
	void testWithOnlySourceIpSendsThePythonGuideBody() throws Exception {
		this.server.enqueue(json(200, "{\"allowed\": false, \"matched_policies\": [], \"reason\": \"no policy\"}"));
		PolicyTestResult result = this.asyncClient.policies()
			.test("user:alice@acme.example", "environments/production/salesforce/oauth", Permission.READ,
					PolicyTestContext.sourceIp("10.0.1.50"))
			.get(1, TimeUnit.MINUTES);
		assertThat(bodyOf(this.server.takeRequest())).isEqualTo(json("""
				{"identity_id": "user:alice@acme.example", "path": "environments/production/salesforce/oauth",
				 "permission": "read", "context": {"source_ip": "10.0.1.50"}}
				"""));
		assertThat(result.allowed()).isFalse();
		assertThat(result.matchedPolicies()).isEmpty();
	}

	@Test
	void testIsRetriedAfterServiceUnavailableAsItOnlyReads() throws Exception {
		this.server.enqueue(json(503, """
				{"error": {"code": "service_unavailable", "message": "down", "details": {}, "request_id": "req_2"}}
				"""));
		this.server.enqueue(json(200, "{\"allowed\": true, \"matched_policies\": [], \"reason\": \"ok\"}"));
		PolicyTestResult result = this.client.policies()
			.test("sa:reporting-service", "integrations/salesforce/oauth", Permission.READ, null);
		assertThat(result.allowed()).isTrue();
		assertThat(this.server.getRequestCount()).isEqualTo(2);
		assertThat(bodyOf(this.server.takeRequest())).isEqualTo(json("""
				{"identity_id": "sa:reporting-service", "path": "integrations/salesforce/oauth", "permission": "read"}
				"""));
	}

	@Test
	void identityTypeFromUnknownValueNamesTheAllowedValues() {
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> IdentityType.fromValue("robot"))
			.withMessageContaining("robot")
			.withMessageContaining("service_account")
			.withMessageNotContaining("unknown");
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> IdentityType.fromValue("unknown"));
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> Permission.fromValue("fly"))
			.withMessageContaining("fly")
			.withMessageContaining("rotate");
		assertThat(Permission.fromValue("rotate")).isEqualTo(Permission.ROTATE);
	}

	static void assertRequest(RecordedRequest request, String method, String target) {
		assertThat(request.getMethod()).isEqualTo(method);
		assertThat(request.getTarget()).isEqualTo(target);
		assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer test-token");
	}

}
