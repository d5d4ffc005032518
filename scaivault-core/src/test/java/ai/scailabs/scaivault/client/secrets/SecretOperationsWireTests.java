package ai.scailabs.scaivault.client.secrets;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.concurrent.TimeUnit;

import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

import ai.scailabs.scaivault.client.AbstractWireTests;
import ai.scailabs.scaivault.client.ApiError;
import ai.scailabs.scaivault.client.NotFoundException;
import ai.scailabs.scaivault.client.Page;
import ai.scailabs.scaivault.client.ValidationException;

import static ai.scailabs.scaivault.client.WireTestSupport.bodyOf;
import static ai.scailabs.scaivault.client.WireTestSupport.json;
import static ai.scailabs.scaivault.client.WireTestSupport.noContent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Wire tests of every secrets call: method, path, query, headers, exact JSON body, and the answer
 * parsed into the model (contract section 4).
 */
class SecretOperationsWireTests extends AbstractWireTests {

	private static final String SECRET_JSON = """
			{"path": "integrations/salesforce/oauth", "version": 3,
			 "data": {"client_id": "3MVG9...", "client_secret": "REDACTED"},
			 "secret_type": "json",
			 "metadata": {"description": "Salesforce OAuth for all production integrations",
			              "tags": ["salesforce", "oauth", "production"], "owner": "team-crm"},
			 "created_at": "2026-11-22T12:00:00Z", "updated_at": "2026-11-22T12:30:00Z",
			 "some_future_field": {"x": 1}}
			""";

	@Test
	void readSendsGetWithBearerTokenAndParsesSecret() throws Exception {
		this.server.enqueue(json(200, SECRET_JSON));
		Secret secret = this.client.secrets().read("integrations/salesforce/oauth");
		RecordedRequest request = this.server.takeRequest();
		assertThat(request.getMethod()).isEqualTo("GET");
		assertThat(request.getTarget()).isEqualTo("/v1/secrets/integrations/salesforce/oauth");
		assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer test-token");
		assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
		assertThat(request.getHeaders().get("User-Agent")).startsWith("scaivault-java/");
		assertThat(request.getHeaders().get("Content-Type")).isNull();
		assertThat(request.getBodySize()).isZero();
		assertThat(secret.path()).isEqualTo("integrations/salesforce/oauth");
		assertThat(secret.version()).isEqualTo(3);
		assertThat(secret.data()).containsExactly(Map.entry("client_id", "3MVG9..."),
				Map.entry("client_secret", "REDACTED"));
		assertThat(secret.secretType()).isEqualTo(SecretType.JSON);
		assertThat(secret.metadata().description()).isEqualTo("Salesforce OAuth for all production integrations");
		assertThat(secret.metadata().tags()).containsExactly("salesforce", "oauth", "production");
		assertThat(secret.metadata().custom()).containsExactly(Map.entry("owner", "team-crm"));
		assertThat(secret.createdAt()).isEqualTo(Instant.parse("2026-11-22T12:00:00Z"));
		assertThat(secret.updatedAt()).isEqualTo(Instant.parse("2026-11-22T12:30:00Z"));
	}

	@Test
	void readVersionSendsVersionQuery() throws Exception {
		this.server.enqueue(json(200, """
				{"path": "app/db/password", "version": 1, "data": {"password": "old"}, "secret_type": "password",
				 "metadata": {}, "created_at": "2026-11-01T08:00:00+01:00"}
				"""));
		Secret secret = this.client.secrets().read("app/db/password", 1);
		assertThat(this.server.takeRequest().getTarget()).isEqualTo("/v1/secrets/app/db/password?version=1");
		assertThat(secret.version()).isEqualTo(1);
		assertThat(secret.secretType()).isEqualTo(SecretType.PASSWORD);
		assertThat(secret.metadata()).isEqualTo(SecretMetadata.empty());
		assertThat(secret.createdAt()).isEqualTo(Instant.parse("2026-11-01T07:00:00Z"));
		assertThat(secret.updatedAt()).isNull();
	}

	@Test
	void readWhenSecretIsMissingThrowsNotFound() {
		this.server.enqueue(json(404, """
				{"error": {"code": "not_found", "message": "No secret at app/missing",
				           "details": {"path": "app/missing"}, "request_id": "req_404"}}
				"""));
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> this.client.secrets().read("app/missing"))
			.satisfies((ex) -> {
				assertThat(ex.getCode()).isEqualTo("not_found");
				assertThat(ex.getMessage()).isEqualTo("No secret at app/missing");
				assertThat(ex.getDetails()).containsExactly(Map.entry("path", "app/missing"));
				assertThat(ex.getRequestId()).isEqualTo("req_404");
				assertThat(ex.getStatusCode()).isEqualTo(404);
			});
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void readWhenPathIsInvalidThrowsValidationWithoutSending() {
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> this.client.secrets().read("app/../etc/passwd"))
			.withMessageContaining("app/../etc/passwd");
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> this.client.secrets().read("/leading/slash"));
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> this.client.secrets().read("app/db", 0))
			.withMessageContaining("version");
		assertThat(this.server.getRequestCount()).isZero();
	}

	@Test
	void readAnswerWithoutPathTakesTheRequestedPath() {
		this.server.enqueue(json(200, "{\"version\": 2, \"data\": {\"k\": \"v\"}, \"secret_type\": \"opaque\"}"));
		assertThat(this.client.secrets().read("a/b").path()).isEqualTo("a/b");
	}

	@Test
	void readWithUnknownSecretTypeReadsAsUnknown() {
		this.server.enqueue(json(200, """
				{"path": "a/b", "version": 1, "data": {"k": "v"}, "secret_type": "totp_seed"}
				"""));
		assertThat(this.client.secrets().read("a/b").secretType()).isEqualTo(SecretType.UNKNOWN);
	}

	@Test
	void writeSendsTheWalkThroughBodyVerbatim() throws Exception {
		this.server.enqueue(json(200, """
				{"path": "integrations/salesforce/oauth", "version": 1, "created_at": "2026-11-22T12:00:00Z"}
				"""));
		WriteSecretRequest request = WriteSecretRequest
			.builder(Map.of("client_id", "3MVG9...", "client_secret", "REDACTED"))
			.secretType(SecretType.JSON)
			.metadata(SecretMetadata.of("Salesforce OAuth for all production integrations", "salesforce", "oauth",
					"production"))
			.maxVersions(10)
			.build();
		WriteResult result = this.client.secrets().write("integrations/salesforce/oauth", request);
		RecordedRequest recorded = this.server.takeRequest();
		assertThat(recorded.getMethod()).isEqualTo("PUT");
		assertThat(recorded.getTarget()).isEqualTo("/v1/secrets/integrations/salesforce/oauth");
		assertThat(recorded.getHeaders().get("Content-Type")).isEqualTo("application/json");
		assertThat(recorded.getHeaders().get("Authorization")).isEqualTo("Bearer test-token");
		assertThat(bodyOf(recorded)).isEqualTo(json("""
				{
				"data": {
				"client_id": "3MVG9...",
				"client_secret": "REDACTED"
				},
				"secret_type": "json",
				"metadata": {
				"description": "Salesforce OAuth for all production integrations",
				"tags": ["salesforce", "oauth", "production"]
				},
				"options": {
				"max_versions": 10
				}
				}
				"""));
		assertThat(result).isEqualTo(new WriteResult("integrations/salesforce/oauth", 1,
				Instant.parse("2026-11-22T12:00:00Z")));
	}

	@Test
	void writeWithDataOnlySendsDataOnly() throws Exception {
		this.server.enqueue(json(200, "{\"path\": \"app/db/password\", \"version\": 2}"));
		WriteResult result = this.client.secrets().write("app/db/password", Map.of("password", "s3cret"));
		assertThat(bodyOf(this.server.takeRequest())).isEqualTo(json("{\"data\": {\"password\": \"s3cret\"}}"));
		assertThat(result.version()).isEqualTo(2);
		assertThat(result.createdAt()).isNull();
	}

	@Test
	void writeWithCasSendsOptionsCas() throws Exception {
		this.server.enqueue(json(200, "{\"path\": \"app/db/password\", \"version\": 4}"));
		this.client.secrets()
			.write("app/db/password", WriteSecretRequest.builder(Map.of("password", "p")).cas(3).build());
		assertThat(bodyOf(this.server.takeRequest()))
			.isEqualTo(json("{\"data\": {\"password\": \"p\"}, \"options\": {\"cas\": 3}}"));
	}

	@Test
	void updateMetadataSendsPatchWithMetadata() throws Exception {
		this.server.enqueue(json(200, "{\"description\": \"DB\", \"tags\": [\"critical\"]}"));
		SecretMetadata metadata = this.client.secrets().updateMetadata("app/db/password", SecretMetadata.tags("critical"));
		RecordedRequest request = this.server.takeRequest();
		assertThat(request.getMethod()).isEqualTo("PATCH");
		assertThat(request.getTarget()).isEqualTo("/v1/secrets/app/db/password/metadata");
		assertThat(bodyOf(request)).isEqualTo(json("{\"metadata\": {\"tags\": [\"critical\"]}}"));
		assertThat(metadata).isEqualTo(SecretMetadata.of("DB", "critical"));
	}

	@Test
	void updateMetadataReadsMetadataNestedInTheAnswer() {
		this.server.enqueue(json(200, "{\"path\": \"a/b\", \"metadata\": {\"tags\": [\"x\"]}}"));
		assertThat(this.client.secrets().updateMetadata("a/b", SecretMetadata.tags("x")))
			.isEqualTo(SecretMetadata.tags("x"));
	}

	@Test
	void deleteSendsDeleteAndAcceptsNoContent() throws Exception {
		this.server.enqueue(noContent());
		this.client.secrets().delete("old/secret");
		RecordedRequest request = this.server.takeRequest();
		assertThat(request.getMethod()).isEqualTo("DELETE");
		assertThat(request.getTarget()).isEqualTo("/v1/secrets/old/secret");
	}

	@Test
	void deletePermanentSendsPermanentQuery() throws Exception {
		this.server.enqueue(noContent());
		this.client.secrets().delete("old/secret", true);
		assertThat(this.server.takeRequest().getTarget()).isEqualTo("/v1/secrets/old/secret?permanent=true");
	}

	@Test
	void listSendsPrefixLimitAndCursorAndParsesPage() throws Exception {
		this.server.enqueue(json(200, """
				{"data": [{"path": "environments/production/salesforce/oauth", "version": 4, "secret_type": "json",
				           "updated_at": "2026-11-22T12:00:00Z"},
				          {"path": "environments/production/stripe/api-key", "version": 1, "secret_type": "api_key",
				           "updated_at": "2026-11-20T09:15:00Z"}],
				 "has_more": true, "cursor": "c2"}
				"""));
		Page<SecretSummary> page = this.client.secrets().list("environments/production/", 50, "c1");
		RecordedRequest request = this.server.takeRequest();
		assertThat(request.getMethod()).isEqualTo("GET");
		assertThat(request.getTarget()).isEqualTo("/v1/secrets?prefix=environments/production/&limit=50&cursor=c1");
		assertThat(page.hasMore()).isTrue();
		assertThat(page.cursor()).isEqualTo("c2");
		assertThat(page.data()).containsExactly(
				new SecretSummary("environments/production/salesforce/oauth", 4, SecretType.JSON,
						Instant.parse("2026-11-22T12:00:00Z")),
				new SecretSummary("environments/production/stripe/api-key", 1, SecretType.API_KEY,
						Instant.parse("2026-11-20T09:15:00Z")));
	}

	@Test
	void listWithoutArgumentsSendsNoQuery() throws Exception {
		this.server.enqueue(json(200, "{\"data\": [], \"has_more\": false, \"cursor\": null}"));
		Page<SecretSummary> page = this.client.secrets().list(null);
		assertThat(this.server.takeRequest().getTarget()).isEqualTo("/v1/secrets");
		assertThat(page.data()).isEmpty();
		assertThat(page.cursor()).isNull();
	}

	@Test
	void listWhenLimitIsTooLargeThrowsValidation() {
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> this.client.secrets().list("a/", 1001, null))
			.withMessageContaining("limit");
		assertThat(this.server.getRequestCount()).isZero();
	}

	@Test
	void iterateAllWhenTheServiceRepeatsACursorThenStops() {
		this.server.enqueue(json(200, """
				{"data": [{"path": "a/1", "version": 1}], "has_more": true, "cursor": "p2"}
				"""));
		this.server.enqueue(json(200, """
				{"data": [{"path": "a/2", "version": 1}], "has_more": true, "cursor": "p2"}
				"""));
		assertThat(this.client.secrets().streamAll("a/").map(SecretSummary::path)).containsExactly("a/1", "a/2");
		assertThat(this.server.getRequestCount()).isEqualTo(2);
	}

	@Test
	void iterateAllFetchesPagesLazily() throws Exception {
		this.server.enqueue(json(200, """
				{"data": [{"path": "a/1", "version": 1}, {"path": "a/2", "version": 1}], "has_more": true, "cursor": "p2"}
				"""));
		this.server.enqueue(json(200, """
				{"data": [{"path": "a/3", "version": 2}], "has_more": false, "cursor": null}
				"""));
		Iterable<SecretSummary> all = this.client.secrets().iterateAll("a/");
		assertThat(this.server.getRequestCount()).isZero();
		List<String> paths = new ArrayList<>();
		for (SecretSummary summary : all) {
			paths.add(summary.path());
			if (paths.size() == 1) {
				assertThat(this.server.getRequestCount()).isEqualTo(1);
			}
		}
		assertThat(paths).containsExactly("a/1", "a/2", "a/3");
		assertThat(this.server.takeRequest().getTarget()).isEqualTo("/v1/secrets?prefix=a/");
		assertThat(this.server.takeRequest().getTarget()).isEqualTo("/v1/secrets?prefix=a/&cursor=p2");
	}

	@Test
	void streamAllAndAsyncListAllCollectEveryPage() throws Exception {
		this.server.enqueue(json(200, "{\"data\": [{\"path\": \"a/1\", \"version\": 1}], \"has_more\": true, \"cursor\": \"p2\"}"));
		this.server.enqueue(json(200, "{\"data\": [{\"path\": \"a/2\", \"version\": 1}], \"has_more\": false}"));
		assertThat(this.client.secrets().streamAll("a/").map(SecretSummary::path)).containsExactly("a/1", "a/2");
		this.server.enqueue(json(200, "{\"data\": [{\"path\": \"a/1\", \"version\": 1}], \"has_more\": true, \"cursor\": \"p2\"}"));
		this.server.enqueue(json(200, "{\"data\": [{\"path\": \"a/2\", \"version\": 1}], \"has_more\": false}"));
		assertThat(this.client.async().secrets().listAll("a/").get(1, TimeUnit.MINUTES)).extracting(SecretSummary::path)
			.containsExactly("a/1", "a/2");
	}

	@Test
	void rotateSendsReasonNewValueAndGracePeriod() throws Exception {
		this.server.enqueue(json(200, """
				{"path": "app/db/password", "version": 5, "previous_version": 4,
				 "grace_period_ends_at": "2026-11-22T13:00:00Z"}
				"""));
		SecretRotationResult result = this.client.secrets()
			.rotate("app/db/password", RotateSecretRequest.builder()
				.reason("compromise")
				.newValue(Map.of("password", "new-value"))
				.gracePeriod(Duration.ofHours(1))
				.build());
		RecordedRequest request = this.server.takeRequest();
		assertThat(request.getMethod()).isEqualTo("POST");
		assertThat(request.getTarget()).isEqualTo("/v1/secrets/app/db/password/rotate");
		assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json");
		assertThat(bodyOf(request)).isEqualTo(json("""
				{"reason": "compromise", "new_value": {"password": "new-value"}, "grace_period": "1h"}
				"""));
		assertThat(result).isEqualTo(new SecretRotationResult("app/db/password", 5, 4,
				Instant.parse("2026-11-22T13:00:00Z")));
	}

	@Test
	void rotateWithoutOptionsSendsEmptyObject() throws Exception {
		this.server.enqueue(json(200, "{\"path\": \"app/db/password\", \"version\": 2, \"previous_version\": 1}"));
		SecretRotationResult result = this.client.secrets().rotate("app/db/password");
		assertThat(bodyOf(this.server.takeRequest())).isEqualTo(json("{}"));
		assertThat(result.gracePeriodEndsAt()).isNull();
	}

	@Test
	void rotateSendsCompositeGracePeriod() throws Exception {
		this.server.enqueue(json(200, "{\"path\": \"a/b\", \"version\": 2, \"previous_version\": 1}"));
		this.client.secrets()
			.rotate("a/b", RotateSecretRequest.builder().gracePeriod(Duration.ofMinutes(90)).build());
		assertThat(bodyOf(this.server.takeRequest())).isEqualTo(json("{\"grace_period\": \"1h30m\"}"));
	}

	@Test
	void batchReadSendsPathsAndParsesSecretsAndErrors() throws Exception {
		this.server.enqueue(json(200, """
				{"secrets": {"integrations/salesforce/oauth": {"path": "integrations/salesforce/oauth", "version": 2,
				             "data": {"client_id": "x"}, "secret_type": "json"}},
				 "errors": {"integrations/stripe/api-key": {"code": "access_denied",
				             "message": "No policy allows read on integrations/stripe/api-key",
				             "details": {"path": "integrations/stripe/api-key", "permission": "read"},
				             "request_id": "req_b1"}}}
				"""));
		BatchResult result = this.client.secrets()
			.batchRead(List.of("integrations/salesforce/oauth", "integrations/stripe/api-key"));
		RecordedRequest request = this.server.takeRequest();
		assertThat(request.getMethod()).isEqualTo("POST");
		assertThat(request.getTarget()).isEqualTo("/v1/secrets/batch");
		assertThat(bodyOf(request)).isEqualTo(
				json("{\"paths\": [\"integrations/salesforce/oauth\", \"integrations/stripe/api-key\"]}"));
		assertThat(result.secrets()).containsOnlyKeys("integrations/salesforce/oauth");
		assertThat(result.secrets().get("integrations/salesforce/oauth").data()).containsEntry("client_id", "x");
		assertThat(result.errors()).containsExactly(Map.entry("integrations/stripe/api-key",
				new ApiError("access_denied", "No policy allows read on integrations/stripe/api-key",
						Map.of("path", "integrations/stripe/api-key", "permission", "read"), "req_b1")));
	}

	@Test
	void batchReadWithMoreThanOneHundredPathsSplitsAndMerges() throws Exception {
		List<String> paths = IntStream.rangeClosed(1, 250).mapToObj((i) -> "batch/s" + i).toList();
		for (int chunk = 0; chunk < 3; chunk++) {
			int first = chunk * 100 + 1;
			this.server.enqueue(json(200, "{\"secrets\": {\"batch/s" + first + "\": {\"version\": 1, \"data\": {}}},"
					+ " \"errors\": {\"batch/s" + (first + 1) + "\": {\"code\": \"not_found\", \"message\": \"m\"}}}"));
		}
		BatchResult result = this.client.secrets().batchRead(paths);
		assertThat(bodyOf(this.server.takeRequest()).get("paths")).hasSize(100);
		assertThat(bodyOf(this.server.takeRequest()).get("paths")).hasSize(100);
		RecordedRequest last = this.server.takeRequest();
		assertThat(bodyOf(last).get("paths")).hasSize(50);
		assertThat(bodyOf(last).get("paths").get(0).asString()).isEqualTo("batch/s201");
		assertThat(result.secrets()).containsOnlyKeys("batch/s1", "batch/s101", "batch/s201");
		assertThat(result.secrets().get("batch/s101").path()).isEqualTo("batch/s101");
		assertThat(result.errors()).containsOnlyKeys("batch/s2", "batch/s102", "batch/s202");
	}

	@Test
	void batchReadWithAnInvalidPathSendsNothing() {
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> this.client.secrets().batchRead(List.of("ok/path", "bad path")))
			.withMessageContaining("bad path");
		assertThat(this.server.getRequestCount()).isZero();
	}

	@Test
	void asyncReadCompletesWithSecret() throws Exception {
		this.server.enqueue(json(200, SECRET_JSON));
		assertThat(this.client.async().secrets().read("integrations/salesforce/oauth").get().version()).isEqualTo(3);
	}

	@Test
	void toStringOfSecretAndRequestsShowsNoValue() {
		this.server.enqueue(json(200, SECRET_JSON));
		Secret secret = this.client.secrets().read("integrations/salesforce/oauth");
		assertThat(secret.toString()).contains("client_id", "client_secret").doesNotContain("REDACTED", "3MVG9");
		assertThat(WriteSecretRequest.builder(Map.of("password", "hunter2")).build().toString())
			.doesNotContain("hunter2");
		assertThat(RotateSecretRequest.builder().newValue(Map.of("password", "hunter2")).build().toString())
			.doesNotContain("hunter2");
	}

}
