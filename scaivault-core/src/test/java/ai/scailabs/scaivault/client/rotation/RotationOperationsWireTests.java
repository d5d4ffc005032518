package ai.scailabs.scaivault.client.rotation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

import ai.scailabs.scaivault.client.AbstractWireTests;
import ai.scailabs.scaivault.client.Page;
import ai.scailabs.scaivault.client.ScaiVaultException;
import ai.scailabs.scaivault.client.ValidationException;

import static ai.scailabs.scaivault.client.WireTestSupport.bodyOf;
import static ai.scailabs.scaivault.client.WireTestSupport.json;
import static ai.scailabs.scaivault.client.WireTestSupport.noContent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Wire tests of every rotation call (contract section 6, walk-through step 7, Python guide
 * "Rotation").
 */
class RotationOperationsWireTests extends AbstractWireTests {

	private static final String POLICY_JSON = """
			{"id": "rot_xyz", "name": "quarterly", "interval": "90d", "grace_period": "48h",
			 "warn_before": "7d,1d", "auto_generate": false, "created_at": "2026-11-22T12:00:00Z"}
			""";

	@Test
	void createSendsTheWalkThroughBody() throws Exception {
		this.server.enqueue(json(201, """
				{"id": "rot_xyz", "name": "quarterly", "interval": "90d", "grace_period": "48h", "auto_generate": false}
				"""));
		RotationPolicy policy = this.client.rotation()
			.create("quarterly", Duration.ofDays(90), Duration.ofHours(48), false);
		RecordedRequest request = this.server.takeRequest();
		assertRequest(request, "POST", "/v1/rotation/policies");
		assertThat(bodyOf(request)).isEqualTo(json("""
				{"name": "quarterly", "interval": "90d", "grace_period": "48h", "auto_generate": false}
				"""));
		assertThat(policy.id()).isEqualTo("rot_xyz");
		assertThat(policy.interval()).isEqualTo(Duration.ofDays(90));
		assertThat(policy.gracePeriod()).isEqualTo(Duration.ofHours(48));
		assertThat(policy.warnBefore()).isEmpty();
		assertThat(policy.autoGenerate()).isFalse();
	}

	@Test
	void createWithWarningsSendsThePythonGuideBody() throws Exception {
		this.server.enqueue(json(201, POLICY_JSON));
		RotationPolicy policy = this.asyncClient.rotation()
			.create("quarterly", Duration.ofDays(90), Duration.ofHours(48), List.of(Duration.ofDays(7), Duration.ofDays(1)),
					false)
			.get(1, TimeUnit.MINUTES);
		RecordedRequest request = this.server.takeRequest();
		assertRequest(request, "POST", "/v1/rotation/policies");
		assertThat(bodyOf(request)).isEqualTo(json("""
				{"name": "quarterly", "interval": "90d", "grace_period": "48h", "warn_before": "7d,1d",
				 "auto_generate": false}
				"""));
		assertThat(policy).isEqualTo(new RotationPolicy("rot_xyz", "quarterly", Duration.ofDays(90),
				Duration.ofHours(48), List.of(Duration.ofDays(7), Duration.ofDays(1)), false,
				Instant.parse("2026-11-22T12:00:00Z")));
	}

	@Test
	void createIsNotRetriedAfterInternalErrorAsTheServerMayHaveActed() {
		this.server.enqueue(json(500, """
				{"error": {"code": "internal_error", "message": "boom", "details": {}, "request_id": "req_1"}}
				"""));
		this.server.enqueue(json(201, POLICY_JSON));
		assertThatExceptionOfType(ScaiVaultException.class)
			.isThrownBy(
					() -> this.client.rotation().create("quarterly", Duration.ofDays(90), Duration.ofHours(48), false))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo("internal_error"));
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void getListAndDeleteUseThePolicyPaths() throws Exception {
		this.server.enqueue(json(200, POLICY_JSON));
		this.server.enqueue(json(200, "{\"data\": [" + POLICY_JSON + "], \"has_more\": false, \"cursor\": null}"));
		this.server.enqueue(noContent());
		RotationPolicy policy = this.client.rotation().get("rot_xyz");
		Page<RotationPolicy> page = this.client.rotation().list(5, null);
		this.client.rotation().delete("rot_xyz");
		assertRequest(this.server.takeRequest(), "GET", "/v1/rotation/policies/rot_xyz");
		assertRequest(this.server.takeRequest(), "GET", "/v1/rotation/policies?limit=5");
		assertRequest(this.server.takeRequest(), "DELETE", "/v1/rotation/policies/rot_xyz");
		assertThat(policy.warnBefore()).containsExactly(Duration.ofDays(7), Duration.ofDays(1));
		assertThat(page.data()).containsExactly(policy);
	}

	@Test
	void assignSecretSendsTheWalkThroughBody() throws Exception {
		this.server.enqueue(json(201, "{\"policy_id\": \"rot_xyz\", \"secret_path\": \"integrations/salesforce/oauth\"}"));
		this.client.rotation().assignSecret("rot_xyz", "integrations/salesforce/oauth");
		RecordedRequest request = this.server.takeRequest();
		assertRequest(request, "POST", "/v1/rotation/policies/rot_xyz/secrets");
		assertThat(bodyOf(request)).isEqualTo(json("{\"secret_path\": \"integrations/salesforce/oauth\"}"));
	}

	@Test
	void assignSecretWithInvalidPathSendsNothing() {
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> this.client.rotation().assignSecret("rot_xyz", "../etc/passwd"))
			.withMessageContaining("../etc/passwd");
		assertThat(this.server.getRequestCount()).isZero();
	}

	@Test
	void assignSecretAsyncWithInvalidPathFailsTheFutureAndSendsNothing() {
		CompletableFuture<Void> future = this.asyncClient.rotation().assignSecret("rot_xyz", "/leading/slash");
		assertThat(future).isCompletedExceptionally();
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(future::get)
			.havingCause()
			.isInstanceOf(ValidationException.class)
			.withMessageContaining("/leading/slash");
		assertThat(this.server.getRequestCount()).isZero();
	}

	@Test
	void unassignSecretSendsDeleteOnTheSecretPath() throws Exception {
		this.server.enqueue(noContent());
		this.asyncClient.rotation().unassignSecret("rot_xyz", "integrations/salesforce/oauth").get(1, TimeUnit.MINUTES);
		assertRequest(this.server.takeRequest(), "DELETE",
				"/v1/rotation/policies/rot_xyz/secrets/integrations/salesforce/oauth");
	}

	@Test
	void triggerRotationSendsPathsAndParsesResults() throws Exception {
		this.server.enqueue(json(200, """
				{"results": [{"secret_path": "environments/production/salesforce/oauth", "status": "due", "version": null}]}
				"""));
		List<RotationResult> results = this.client.rotation()
			.triggerRotation("rot_xyz", List.of("environments/production/salesforce/oauth"));
		RecordedRequest request = this.server.takeRequest();
		assertRequest(request, "POST", "/v1/rotation/policies/rot_xyz/trigger");
		assertThat(bodyOf(request)).isEqualTo(json("""
				{"secret_paths": ["environments/production/salesforce/oauth"]}
				"""));
		assertThat(results)
			.containsExactly(new RotationResult("environments/production/salesforce/oauth", "due", null));
	}

	@Test
	void getHistorySendsLimitAndParsesEntries() throws Exception {
		this.server.enqueue(json(200, """
				{"data": [{"secret_path": "app/db/password", "status": "rotated", "rotated_at": "2026-11-22T12:05:00Z",
				           "from_version": 3, "to_version": 4}],
				 "has_more": true, "cursor": "h2"}
				"""));
		Page<RotationHistoryEntry> history = this.client.rotation().getHistory("rot_xyz", 100);
		assertRequest(this.server.takeRequest(), "GET", "/v1/rotation/policies/rot_xyz/history?limit=100");
		assertThat(history.data()).containsExactly(new RotationHistoryEntry("app/db/password", "rotated",
				Instant.parse("2026-11-22T12:05:00Z"), 3, 4));
		assertThat(history.hasMore()).isTrue();
		assertThat(history.cursor()).isEqualTo("h2");
		this.server.enqueue(json(200, "{\"data\": [], \"has_more\": false, \"cursor\": null}"));
		this.asyncClient.rotation().getHistory("rot_xyz", 100, "h2").get(1, TimeUnit.MINUTES);
		assertRequest(this.server.takeRequest(), "GET", "/v1/rotation/policies/rot_xyz/history?limit=100&cursor=h2");
	}

	@Test
	void getSecretsDueSendsWithinHoursAndParsesList() throws Exception {
		this.server.enqueue(json(200, """
				{"data": [{"secret_path": "app/db/password", "policy_id": "rot_xyz", "due_at": "2026-11-25T00:00:00Z"}]}
				"""));
		List<DueSecret> due = this.client.rotation().getSecretsDue(168);
		assertRequest(this.server.takeRequest(), "GET", "/v1/rotation/due?within_hours=168");
		assertThat(due).containsExactly(
				new DueSecret("app/db/password", "rot_xyz", Instant.parse("2026-11-25T00:00:00Z")));
	}

	@Test
	void getSecretsDueWithDurationSendsWholeHoursRoundedUp() throws Exception {
		this.server.enqueue(json(200, "{\"data\": []}"));
		this.server.enqueue(json(200, "{\"data\": []}"));
		assertThat(this.client.rotation().getSecretsDue(Duration.ofDays(7))).isEmpty();
		assertThat(this.asyncClient.rotation().getSecretsDue(Duration.ofMinutes(90)).get(1, TimeUnit.MINUTES)).isEmpty();
		assertRequest(this.server.takeRequest(), "GET", "/v1/rotation/due?within_hours=168");
		assertRequest(this.server.takeRequest(), "GET", "/v1/rotation/due?within_hours=2");
	}

	static void assertRequest(RecordedRequest request, String method, String target) {
		assertThat(request.getMethod()).isEqualTo(method);
		assertThat(request.getTarget()).isEqualTo(target);
		assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer test-token");
	}

}
