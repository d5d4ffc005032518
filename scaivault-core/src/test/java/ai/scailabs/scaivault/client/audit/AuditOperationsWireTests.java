package ai.scailabs.scaivault.client.audit;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

import ai.scailabs.scaivault.client.AbstractWireTests;
import ai.scailabs.scaivault.client.Page;

import static ai.scailabs.scaivault.client.WireTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Wire tests of the audit query (contract section 11).
 */
class AuditOperationsWireTests extends AbstractWireTests {

	private static final String PAGE_JSON = """
			{"data": [{"id": "aud_1", "timestamp": "2026-11-22T12:10:00Z", "identity_id": "sa:reporting-service",
			           "action": "read", "path": "integrations/salesforce/oauth", "source_ip": "10.0.1.50",
			           "result": "allowed", "request_id": "req_8f2c"},
			          {"id": "aud_2", "timestamp": "2026-11-22T12:11:00Z", "identity_id": "user:mallory@acme.example",
			           "action": "read", "path": "integrations/salesforce/oauth", "source_ip": "192.0.2.1",
			           "result": "denied", "request_id": "req_8f2d"}],
			 "has_more": true, "cursor": "a2"}
			""";

	@Test
	void querySendsEveryCriterionAndParsesEntries() throws Exception {
		this.server.enqueue(json(200, PAGE_JSON));
		Page<AuditEntry> page = this.client.audit()
			.query(AuditQuery.all()
				.withPath("integrations/salesforce/oauth")
				.withIdentityId("sa:reporting-service")
				.withAction("read")
				.withSince(Instant.parse("2026-11-22T12:00:00Z"))
				.withLimit(2)
				.withCursor("a1"));
		RecordedRequest request = this.server.takeRequest();
		assertRequest(request, "GET");
		assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/audit");
		assertThat(request.getUrl().queryParameterNames()).containsExactly("path", "identity_id", "action", "since",
				"limit", "cursor");
		assertThat(request.getUrl().queryParameter("path")).isEqualTo("integrations/salesforce/oauth");
		assertThat(request.getUrl().queryParameter("identity_id")).isEqualTo("sa:reporting-service");
		assertThat(request.getUrl().queryParameter("action")).isEqualTo("read");
		assertThat(request.getUrl().queryParameter("since")).isEqualTo("2026-11-22T12:00:00Z");
		assertThat(request.getUrl().queryParameter("limit")).isEqualTo("2");
		assertThat(request.getUrl().queryParameter("cursor")).isEqualTo("a1");
		assertThat(page.data()).containsExactly(
				new AuditEntry("aud_1", Instant.parse("2026-11-22T12:10:00Z"), "sa:reporting-service", "read",
						"integrations/salesforce/oauth", "10.0.1.50", AuditResult.ALLOWED, "req_8f2c"),
				new AuditEntry("aud_2", Instant.parse("2026-11-22T12:11:00Z"), "user:mallory@acme.example", "read",
						"integrations/salesforce/oauth", "192.0.2.1", AuditResult.DENIED, "req_8f2d"));
		assertThat(page.hasMore()).isTrue();
		assertThat(page.cursor()).isEqualTo("a2");
	}

	@Test
	void queryAllAsyncSendsNoQuery() throws Exception {
		this.server.enqueue(json(200, "{\"data\": [], \"has_more\": false, \"cursor\": null}"));
		Page<AuditEntry> page = this.asyncClient.audit().query(AuditQuery.all()).get(1, TimeUnit.MINUTES);
		RecordedRequest request = this.server.takeRequest();
		assertRequest(request, "GET");
		assertThat(request.getTarget()).isEqualTo("/v1/audit");
		assertThat(page.data()).isEmpty();
	}

	static void assertRequest(RecordedRequest request, String method) {
		assertThat(request.getMethod()).isEqualTo(method);
		assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer test-token");
	}

}
