package ai.scailabs.scaivault.client.dynamic;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

import ai.scailabs.scaivault.client.AbstractWireTests;
import ai.scailabs.scaivault.client.AccessDeniedException;
import ai.scailabs.scaivault.client.Page;

import static ai.scailabs.scaivault.client.WireTestSupport.bodyOf;
import static ai.scailabs.scaivault.client.WireTestSupport.json;
import static ai.scailabs.scaivault.client.WireTestSupport.noContent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Wire tests of every dynamic secrets call and of leased credentials (contract section 10, Python
 * guide "Dynamic secrets").
 */
class DynamicOperationsWireTests extends AbstractWireTests {

	private static final String LEASE_JSON = """
			{"lease_id": "lease_abc", "lease_duration": 7200, "renewable": true, "expires_at": "2026-11-22T14:00:00Z",
			 "data": {"username": "v_readonly_x7f2", "password": "Sup3r-S3cret-Pa55", "connection_url": "jdbc:postgresql://127.0.0.1:5432/test"}}
			""";

	@Test
	void configureEngineSendsTheAdminAccount() throws Exception {
		this.server.enqueue(json(201, """
				{"name": "support-db", "type": "postgresql", "connection_url": "jdbc:postgresql://127.0.0.1:5432/test",
				 "username": "postgres", "created_at": "2026-11-22T12:00:00Z"}
				"""));
		EngineConfiguration configuration = new EngineConfiguration("support-db", EngineType.POSTGRESQL,
				"jdbc:postgresql://127.0.0.1:5432/test", "postgres", "admin-pw-123", true);
		DynamicEngine engine = this.client.dynamic().configureEngine(configuration);
		RecordedRequest request = this.server.takeRequest();
		assertRequest(request, "POST", "/v1/dynamic/engines");
		assertThat(bodyOf(request)).isEqualTo(json("""
				{"name": "support-db", "type": "postgresql", "connection_url": "jdbc:postgresql://127.0.0.1:5432/test",
				 "username": "postgres", "password": "admin-pw-123", "verify_connection": true}
				"""));
		assertThat(engine).isEqualTo(new DynamicEngine("support-db", EngineType.POSTGRESQL,
				"jdbc:postgresql://127.0.0.1:5432/test", "postgres", Instant.parse("2026-11-22T12:00:00Z")));
		assertThat(configuration.toString()).contains("support-db").doesNotContain("admin-pw-123");
	}

	@Test
	void createRoleSendsStatementsAndTtls() throws Exception {
		this.server.enqueue(json(201, """
				{"name": "readonly", "engine": "support-db",
				 "creation_statements": ["CREATE ROLE \\"{{name}}\\" LOGIN PASSWORD '{{password}}' VALID UNTIL '{{expiration}}'"],
				 "revocation_statements": [], "default_ttl": "1h", "max_ttl": "24h"}
				"""));
		DynamicRole role = this.asyncClient.dynamic()
			.createRole("support-db", new DynamicRoleRequest("readonly",
					List.of("CREATE ROLE \"{{name}}\" LOGIN PASSWORD '{{password}}' VALID UNTIL '{{expiration}}'"),
					List.of(), Duration.ofHours(1), Duration.ofHours(24)))
			.get(1, TimeUnit.MINUTES);
		RecordedRequest request = this.server.takeRequest();
		assertRequest(request, "POST", "/v1/dynamic/engines/support-db/roles");
		assertThat(bodyOf(request)).isEqualTo(json("""
				{"name": "readonly",
				 "creation_statements": ["CREATE ROLE \\"{{name}}\\" LOGIN PASSWORD '{{password}}' VALID UNTIL '{{expiration}}'"],
				 "default_ttl": "1h", "max_ttl": "24h"}
				"""));
		assertThat(role.name()).isEqualTo("readonly");
		assertThat(role.defaultTtl()).isEqualTo(Duration.ofHours(1));
		assertThat(role.maxTtl()).isEqualTo(Duration.ofHours(24));
	}

	@Test
	void generateCredentialsSendsThePythonGuideBody() throws Exception {
		this.server.enqueue(json(200, LEASE_JSON));
		Lease lease = this.client.dynamic().generateCredentials("support-db", "readonly", Duration.ofHours(2));
		RecordedRequest request = this.server.takeRequest();
		assertRequest(request, "POST", "/v1/dynamic/support-db/creds/readonly");
		assertThat(bodyOf(request)).isEqualTo(json("{\"ttl\": \"2h\"}"));
		assertThat(lease.leaseId()).isEqualTo("lease_abc");
		assertThat(lease.leaseDuration()).isEqualTo(Duration.ofHours(2));
		assertThat(lease.renewable()).isTrue();
		assertThat(lease.expiresAt()).isEqualTo(Instant.parse("2026-11-22T14:00:00Z"));
		assertThat(lease.data()).containsEntry("connection_url", "jdbc:postgresql://127.0.0.1:5432/test");
		assertThat(lease.username()).isEqualTo("v_readonly_x7f2");
		assertThat(lease.password()).isEqualTo("Sup3r-S3cret-Pa55");
		assertThat(lease.connectionUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/test");
	}

	@Test
	void generateCredentialsWithoutTtlSendsEmptyBody() throws Exception {
		this.server.enqueue(json(200, LEASE_JSON));
		this.asyncClient.dynamic().generateCredentials("support-db", "readonly", null).get(1, TimeUnit.MINUTES);
		assertThat(bodyOf(this.server.takeRequest())).isEqualTo(json("{}"));
	}

	@Test
	void leaseToStringShowsIdAndExpiryButNeverCredentials() throws Exception {
		this.server.enqueue(json(200, LEASE_JSON));
		Lease lease = this.client.dynamic().generateCredentials("support-db", "readonly", Duration.ofHours(2));
		assertThat(lease.toString()).contains("lease_abc")
			.contains("2026-11-22T14:00:00Z")
			.doesNotContain("Sup3r-S3cret-Pa55")
			.doesNotContain("v_readonly_x7f2");
		LeasedCredentials credentials = new LeasedCredentials(lease, () -> CompletableFuture.completedFuture(null));
		assertThat(credentials.toString()).contains("lease_abc").doesNotContain("Sup3r-S3cret-Pa55");
	}

	@Test
	void renewLeaseSendsIncrement() throws Exception {
		this.server.enqueue(json(200, """
				{"lease_id": "lease_abc", "lease_duration": 3600, "expires_at": "2026-11-22T15:00:00Z"}
				"""));
		LeaseRenewal renewal = this.client.dynamic().renewLease("lease_abc", Duration.ofHours(1));
		RecordedRequest request = this.server.takeRequest();
		assertRequest(request, "POST", "/v1/leases/lease_abc/renew");
		assertThat(bodyOf(request)).isEqualTo(json("{\"increment\": \"1h\"}"));
		assertThat(renewal).isEqualTo(
				new LeaseRenewal("lease_abc", Duration.ofHours(1), Instant.parse("2026-11-22T15:00:00Z")));
	}

	@Test
	void revokeLeaseSendsDelete() throws Exception {
		this.server.enqueue(noContent());
		this.client.dynamic().revokeLease("lease_abc");
		RecordedRequest request = this.server.takeRequest();
		assertRequest(request, "DELETE", "/v1/leases/lease_abc");
		assertThat(request.getBodySize()).isZero();
	}

	@Test
	void listLeasesSendsEngineAndParsesSummaries() throws Exception {
		this.server.enqueue(json(200, """
				{"data": [{"lease_id": "lease_abc", "engine": "support-db", "role": "readonly", "renewable": true,
				           "issued_at": "2026-11-22T12:00:00Z", "expires_at": "2026-11-22T14:00:00Z"}],
				 "has_more": false, "cursor": null}
				"""));
		Page<LeaseSummary> page = this.client.dynamic().listLeases("support-db");
		assertRequest(this.server.takeRequest(), "GET", "/v1/leases?engine=support-db");
		assertThat(page.data()).containsExactly(new LeaseSummary("lease_abc", "support-db", "readonly", true,
				Instant.parse("2026-11-22T12:00:00Z"), Instant.parse("2026-11-22T14:00:00Z")));
	}

	@Test
	void credentialsRevokeTheLeaseExactlyOnceOnClose() throws Exception {
		this.server.enqueue(json(200, LEASE_JSON));
		this.server.enqueue(noContent());
		LeasedCredentials leased;
		try (LeasedCredentials credentials = this.client.dynamic()
			.credentials("support-db", "readonly", Duration.ofHours(2))) {
			leased = credentials;
			assertThat(credentials.username()).isEqualTo("v_readonly_x7f2");
			assertThat(credentials.password()).isEqualTo("Sup3r-S3cret-Pa55");
			assertThat(credentials.connectionUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/test");
			assertThat(credentials.lease().leaseId()).isEqualTo("lease_abc");
			assertThat(credentials.isClosed()).isFalse();
		}
		leased.close();
		assertThat(leased.isClosed()).isTrue();
		assertThat(this.server.getRequestCount()).isEqualTo(2);
		assertRequest(this.server.takeRequest(), "POST", "/v1/dynamic/support-db/creds/readonly");
		assertRequest(this.server.takeRequest(), "DELETE", "/v1/leases/lease_abc");
	}

	@Test
	void credentialsCloseWhenLeaseIsAlreadyGoneSucceeds() {
		this.server.enqueue(json(200, LEASE_JSON));
		this.server.enqueue(json(404, """
				{"error": {"code": "not_found", "message": "No lease lease_abc", "details": {}, "request_id": "req_3"}}
				"""));
		LeasedCredentials credentials = this.client.dynamic().credentials("support-db", "readonly", null);
		credentials.close();
		assertThat(credentials.isClosed()).isTrue();
	}

	@Test
	void credentialsCloseWhenRevocationIsDeniedThrowsAndTheNextCloseTriesAgain() {
		this.server.enqueue(json(200, LEASE_JSON));
		this.server.enqueue(json(403, """
				{"error": {"code": "access_denied", "message": "No policy allows revoke", "details": {}, "request_id": "req_4"}}
				"""));
		this.server.enqueue(noContent());
		LeasedCredentials credentials = this.client.dynamic().credentials("support-db", "readonly", null);
		assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(credentials::close);
		assertThat(credentials.isClosed()).isFalse();
		credentials.close();
		credentials.close();
		assertThat(credentials.isClosed()).isTrue();
		assertThat(this.server.getRequestCount()).isEqualTo(3);
	}

	@Test
	void withCredentialsRevokesOnceTheActionCompletes() throws Exception {
		this.server.enqueue(json(200, LEASE_JSON));
		this.server.enqueue(noContent());
		CompletableFuture<String> result = this.asyncClient.dynamic()
			.withCredentials("support-db", "readonly", Duration.ofHours(2),
					(credentials) -> CompletableFuture.completedFuture(credentials.connectionUrl()));
		assertThat(result.get(1, TimeUnit.MINUTES)).isEqualTo("jdbc:postgresql://127.0.0.1:5432/test");
		assertThat(this.server.getRequestCount()).isEqualTo(2);
		assertRequest(this.server.takeRequest(), "POST", "/v1/dynamic/support-db/creds/readonly");
		assertRequest(this.server.takeRequest(), "DELETE", "/v1/leases/lease_abc");
	}

	@Test
	void withCredentialsRevokesWhenTheActionFailsAndKeepsItsFailure() throws Exception {
		this.server.enqueue(json(200, LEASE_JSON));
		this.server.enqueue(noContent());
		CompletableFuture<String> result = this.asyncClient.dynamic()
			.withCredentials("support-db", "readonly", null,
					(credentials) -> CompletableFuture.failedFuture(new IllegalStateException("query failed")));
		assertThatExceptionOfType(Exception.class).isThrownBy(result::get)
			.havingRootCause()
			.isInstanceOf(IllegalStateException.class)
			.withMessage("query failed");
		assertThat(this.server.getRequestCount()).isEqualTo(2);
		this.server.takeRequest();
		assertRequest(this.server.takeRequest(), "DELETE", "/v1/leases/lease_abc");
	}

	static void assertRequest(RecordedRequest request, String method, String target) {
		assertThat(request.getMethod()).isEqualTo(method);
		assertThat(request.getTarget()).isEqualTo(target);
		assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer test-token");
	}

}
