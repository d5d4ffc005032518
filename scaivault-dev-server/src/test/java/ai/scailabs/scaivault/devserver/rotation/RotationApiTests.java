package ai.scailabs.scaivault.devserver.rotation;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import ai.scailabs.scaivault.devserver.DevServerHttp;
import ai.scailabs.scaivault.devserver.DevServerHttp.Response;
import ai.scailabs.scaivault.devserver.ScaiVaultDevServer;
import ai.scailabs.scaivault.devserver.events.Event;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conformance tests of the rotation endpoints and scheduler (contract section 6) over real HTTP,
 * with the dev clock moved forward instead of waiting.
 */
class RotationApiTests {

	/** The walk-through's rotation policy body, verbatim. */
	static final String QUARTERLY = """
			{
			"name": "quarterly",
			"interval": "90d",
			"grace_period": "48h",
			"auto_generate": false
			}""";

	/** The walk-through's assign body, verbatim. */
	static final String ASSIGN_SALESFORCE = "{\"secret_path\": \"integrations/salesforce/oauth\"}";

	static final String ROOT = "dev-root";

	ScaiVaultDevServer server;

	DevServerHttp http;

	final List<Event> events = new CopyOnWriteArrayList<>();

	@BeforeEach
	void start() {
		this.server = ScaiVaultDevServer.builder().rootToken(ROOT).start();
		this.server.events().subscribe(this.events::add);
		this.http = new DevServerHttp(this.server);
		Response written = this.http.put("/v1/secrets/integrations/salesforce/oauth", ROOT,
				"{\"data\": {\"client_id\": \"3MVG9...\", \"client_secret\": \"REDACTED\"}, \"secret_type\": \"json\"}");
		assertThat(written.status()).isEqualTo(200);
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void createWalkThroughPolicyReturnsIdAndAssignReturnsCreated() {
		Response created = this.http.post("/v1/rotation/policies", ROOT, QUARTERLY);
		assertThat(created.status()).isEqualTo(201);
		String id = created.json().path("id").asString();
		assertThat(id).startsWith("rot_");
		assertThat(created.json().path("name").asString()).isEqualTo("quarterly");
		assertThat(created.json().path("interval").asString()).isEqualTo("90d");
		assertThat(created.json().path("grace_period").asString()).isEqualTo("48h");
		assertThat(created.json().has("warn_before")).isFalse();
		assertThat(created.json().path("auto_generate").asBoolean()).isFalse();
		Response assigned = this.http.post("/v1/rotation/policies/" + id + "/secrets", ROOT, ASSIGN_SALESFORCE);
		assertThat(assigned.status()).isEqualTo(201);
		assertThat(assigned.json().path("secret_path").asString()).isEqualTo("integrations/salesforce/oauth");
		JsonNode policy = this.http.get("/v1/rotation/policies/" + id, ROOT).json();
		assertThat(policy.path("secrets").toString()).isEqualTo("[\"integrations/salesforce/oauth\"]");
	}

	@Test
	void listGetAndDeletePolicies() {
		String first = createPolicy(QUARTERLY);
		String second = createPolicy("{\"name\": \"daily\", \"interval\": \"1d\"}");
		Response list = this.http.get("/v1/rotation/policies?limit=1", ROOT);
		assertThat(list.json().path("data").get(0).path("id").asString()).isEqualTo(first);
		assertThat(list.json().path("has_more").asBoolean()).isTrue();
		Response next = this.http.get("/v1/rotation/policies?limit=1&cursor=" + list.json().path("cursor").asString(),
				ROOT);
		assertThat(next.json().path("data").get(0).path("id").asString()).isEqualTo(second);
		assertThat(this.http.delete("/v1/rotation/policies/" + first, ROOT).status()).isEqualTo(204);
		assertThat(this.http.get("/v1/rotation/policies/" + first, ROOT).errorCode()).isEqualTo("not_found");
		assertThat(this.http.delete("/v1/rotation/policies/" + first, ROOT).errorCode()).isEqualTo("not_found");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"name\": \"x\", \"interval\": \"90 days\"}", "{\"name\": \"x\", \"interval\": \"1.5h\"}",
			"{\"name\": \"x\", \"interval\": \"0s\"}", "{\"name\": \"x\"}",
			"{\"name\": \"x\", \"interval\": \"1d\", \"grace_period\": \"2 h\"}",
			"{\"name\": \"x\", \"interval\": \"1d\", \"warn_before\": \"7d;1d\"}",
			"{\"name\": \"x\", \"interval\": \"1d\", \"warn_before\": \"7d,\"}" })
	void createWithInvalidDurationReturnsValidationErrorNamingField(String body) {
		Response response = this.http.post("/v1/rotation/policies", ROOT, body);
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.errorCode()).isEqualTo("validation_error");
		assertThat(response.json().path("error").path("details").path("field").asString())
			.isIn("interval", "grace_period", "warn_before");
		assertThat(this.http.get("/v1/rotation/policies", ROOT).json().path("data").size()).isZero();
	}

	@Test
	void createWithUnknownFieldReturnsValidationError() {
		Response response = this.http.post("/v1/rotation/policies", ROOT,
				"{\"name\": \"x\", \"interval\": \"1d\", \"jitter\": \"1h\"}");
		assertThat(response.errorCode()).isEqualTo("validation_error");
		assertThat(response.json().path("error").path("details").path("field").asString()).isEqualTo("jitter");
	}

	@Test
	void createAcceptsSumsOfDurations() {
		Response created = this.http.post("/v1/rotation/policies", ROOT,
				"{\"name\": \"x\", \"interval\": \"1h30m\", \"grace_period\": \"15s\", \"warn_before\": \"30m,1m\"}");
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().path("interval").asString()).isEqualTo("1h30m");
		assertThat(created.json().path("warn_before").asString()).isEqualTo("30m,1m");
	}

	@Test
	void createWithoutGracePeriodOrWarnBeforeAnswersWithoutThem() {
		Response created = this.http.post("/v1/rotation/policies", ROOT, "{\"name\": \"x\", \"interval\": \"1d\"}");
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().has("grace_period")).isFalse();
		assertThat(created.json().has("warn_before")).isFalse();
		JsonNode listed = this.http.get("/v1/rotation/policies/" + created.json().path("id").asString(), ROOT).json();
		assertThat(listed.has("grace_period")).isFalse();
		assertThat(listed.has("warn_before")).isFalse();
	}

	@Test
	void assignWhenSecretIsMissingReturnsNotFound() {
		String id = createPolicy(QUARTERLY);
		assertThat(this.http.post("/v1/rotation/policies/" + id + "/secrets", ROOT, "{\"secret_path\": \"no/such\"}")
			.errorCode()).isEqualTo("not_found");
		assertThat(this.http.post("/v1/rotation/policies/rot_missing/secrets", ROOT, ASSIGN_SALESFORCE).errorCode())
			.isEqualTo("not_found");
		assertThat(this.http.post("/v1/rotation/policies/" + id + "/secrets", ROOT, "{\"secret_path\": \"bad//path\"}")
			.errorCode()).isEqualTo("validation_error");
	}

	@Test
	void assignWhenSecretIsAssignedToAnotherPolicyReturnsConflict() {
		String first = createPolicy(QUARTERLY);
		String second = createPolicy("{\"name\": \"daily\", \"interval\": \"1d\"}");
		assertThat(this.http.post("/v1/rotation/policies/" + first + "/secrets", ROOT, ASSIGN_SALESFORCE).status())
			.isEqualTo(201);
		assertThat(this.http.post("/v1/rotation/policies/" + second + "/secrets", ROOT, ASSIGN_SALESFORCE).errorCode())
			.isEqualTo("conflict");
	}

	@Test
	void unassignRemovesSecretFromPolicy() {
		String id = createPolicy(QUARTERLY);
		this.http.post("/v1/rotation/policies/" + id + "/secrets", ROOT, ASSIGN_SALESFORCE);
		assertThat(this.http.delete("/v1/rotation/policies/" + id + "/secrets/integrations/salesforce/oauth", ROOT)
			.status()).isEqualTo(204);
		assertThat(this.http.get("/v1/rotation/policies/" + id, ROOT).json().path("secrets").size()).isZero();
		assertThat(this.http.delete("/v1/rotation/policies/" + id + "/secrets/integrations/salesforce/oauth", ROOT)
			.errorCode()).isEqualTo("not_found");
	}

	@Test
	void dueListsAssignedSecretsDueWithinHours() {
		String id = createPolicy(QUARTERLY);
		this.http.post("/v1/rotation/policies/" + id + "/secrets", ROOT, ASSIGN_SALESFORCE);
		assertThat(this.http.get("/v1/rotation/due?within_hours=168", ROOT).json().path("data").size()).isZero();
		this.server.clock().advance(Duration.ofDays(85));
		JsonNode due = this.http.get("/v1/rotation/due?within_hours=168", ROOT).json().path("data");
		assertThat(due.size()).isEqualTo(1);
		assertThat(due.get(0).path("secret_path").asString()).isEqualTo("integrations/salesforce/oauth");
		assertThat(due.get(0).path("policy_id").asString()).isEqualTo(id);
		assertThat(due.get(0).path("due_at").asString()).endsWith("Z");
		assertThat(this.http.get("/v1/rotation/due?within_hours=soon", ROOT).errorCode()).isEqualTo("validation_error");
	}

	@Test
	void dueSecretWithoutAutoGenerateEmitsRotationDueAndChangesNothing() {
		String id = createPolicy(QUARTERLY);
		this.http.post("/v1/rotation/policies/" + id + "/secrets", ROOT, ASSIGN_SALESFORCE);
		this.server.clock().advance(Duration.ofDays(89));
		assertThat(eventsOfType("rotation.due")).isEmpty();
		this.server.clock().advance(Duration.ofDays(1));
		this.server.clock().advance(Duration.ofHours(1));
		List<Event> due = eventsOfType("rotation.due");
		assertThat(due).hasSize(1);
		assertThat(due.get(0).path()).isEqualTo("integrations/salesforce/oauth");
		assertThat(due.get(0).data()).containsEntry("policy_id", id);
		assertThat(eventsOfType("secret.rotated")).isEmpty();
		assertThat(this.http.get("/v1/secrets/integrations/salesforce/oauth", ROOT).json().path("version").asInt())
			.isEqualTo(1);
	}

	@Test
	void writeByExternalRotatorStartsNextCycle() {
		String id = createPolicy(QUARTERLY);
		this.http.post("/v1/rotation/policies/" + id + "/secrets", ROOT, ASSIGN_SALESFORCE);
		this.server.clock().advance(Duration.ofDays(90));
		this.http.put("/v1/secrets/integrations/salesforce/oauth", ROOT, "{\"data\": {\"client_secret\": \"NEW\"}}");
		this.server.clock().advance(Duration.ofDays(89));
		assertThat(eventsOfType("rotation.due")).hasSize(1);
		this.server.clock().advance(Duration.ofDays(1));
		assertThat(eventsOfType("rotation.due")).hasSize(2);
	}

	@Test
	void dueSecretWithAutoGenerateRotatesPasswordAndKeepsOldVersionForGracePeriod() {
		this.http.put("/v1/secrets/app/db", ROOT, "{\"data\": {\"password\": \"initial\"}, \"secret_type\": \"password\"}");
		String id = createPolicy(
				"{\"name\": \"weekly\", \"interval\": \"7d\", \"grace_period\": \"1h\", \"auto_generate\": true}");
		this.http.post("/v1/rotation/policies/" + id + "/secrets", ROOT, "{\"secret_path\": \"app/db\"}");
		this.server.clock().advance(Duration.ofDays(7));
		JsonNode current = this.http.get("/v1/secrets/app/db", ROOT).json();
		assertThat(current.path("version").asInt()).isEqualTo(2);
		assertThat(current.path("data").path("password").asString()).hasSize(32).isNotEqualTo("initial");
		List<Event> rotated = eventsOfType("secret.rotated");
		assertThat(rotated).hasSize(1);
		assertThat(rotated.get(0).version()).isEqualTo(2);
		assertThat(rotated.get(0).previousVersion()).isEqualTo(1);
		assertThat(rotated.get(0).toString()).doesNotContain(current.path("data").path("password").asString());
		assertThat(this.http.get("/v1/secrets/app/db?version=1", ROOT).status()).isEqualTo(200);
		this.server.clock().advance(Duration.ofHours(1));
		assertThat(this.http.get("/v1/secrets/app/db?version=1", ROOT).errorCode()).isEqualTo("not_found");
		JsonNode history = this.http.get("/v1/rotation/policies/" + id + "/history", ROOT).json().path("data");
		assertThat(history.size()).isEqualTo(1);
		assertThat(history.get(0).path("secret_path").asString()).isEqualTo("app/db");
		assertThat(history.get(0).path("status").asString()).isEqualTo("rotated");
		assertThat(history.get(0).path("from_version").asInt()).isEqualTo(1);
		assertThat(history.get(0).path("to_version").asInt()).isEqualTo(2);
		assertThat(history.get(0).path("rotated_at").asString()).endsWith("Z");
		this.server.clock().advance(Duration.ofDays(7));
		assertThat(this.http.get("/v1/secrets/app/db", ROOT).json().path("version").asInt()).isEqualTo(3);
	}

	@Test
	void dueJsonSecretWithAutoGenerateFailsWithRotationFailed() {
		String id = createPolicy("{\"name\": \"weekly\", \"interval\": \"7d\", \"auto_generate\": true}");
		this.http.post("/v1/rotation/policies/" + id + "/secrets", ROOT, ASSIGN_SALESFORCE);
		this.server.clock().advance(Duration.ofDays(8));
		assertThat(eventsOfType("rotation.failed")).hasSize(1);
		assertThat(this.http.get("/v1/rotation/policies/" + id + "/history", ROOT).json().path("data").get(0)
			.path("status").asString()).isEqualTo("failed");
		assertThat(this.http.get("/v1/secrets/integrations/salesforce/oauth", ROOT).json().path("version").asInt())
			.isEqualTo(1);
	}

	@Test
	void warnBeforeEmitsEachWarningOnce() {
		String id = createPolicy("{\"name\": \"q\", \"interval\": \"90d\", \"warn_before\": \"7d,1d\"}");
		this.http.post("/v1/rotation/policies/" + id + "/secrets", ROOT, ASSIGN_SALESFORCE);
		this.server.clock().advance(Duration.ofDays(83).plusHours(1));
		assertThat(eventsOfType("rotation.due")).hasSize(1);
		assertThat(eventsOfType("rotation.due").get(0).data()).containsEntry("warn_before", "7d");
		this.server.clock().advance(Duration.ofHours(1));
		assertThat(eventsOfType("rotation.due")).hasSize(1);
		this.server.clock().advance(Duration.ofDays(6));
		assertThat(eventsOfType("rotation.due")).hasSize(2);
		assertThat(eventsOfType("rotation.due").get(1).data()).containsEntry("warn_before", "1d");
		this.server.clock().advance(Duration.ofDays(1));
		assertThat(eventsOfType("rotation.due")).hasSize(3);
		assertThat(eventsOfType("rotation.due").get(2).data()).doesNotContainKey("warn_before");
	}

	@Test
	void triggerRotatesPasswordSecretsAndReportsResults() {
		this.http.put("/v1/secrets/app/db", ROOT, "{\"data\": {\"password\": \"initial\"}, \"secret_type\": \"password\"}");
		String auto = createPolicy("{\"name\": \"auto\", \"interval\": \"30d\", \"auto_generate\": true}");
		this.http.post("/v1/rotation/policies/" + auto + "/secrets", ROOT, "{\"secret_path\": \"app/db\"}");
		Response triggered = this.http.post("/v1/rotation/policies/" + auto + "/trigger", ROOT,
				"{\"secret_paths\": [\"app/db\"]}");
		assertThat(triggered.status()).isEqualTo(200);
		JsonNode result = triggered.json().path("results").get(0);
		assertThat(result.path("secret_path").asString()).isEqualTo("app/db");
		assertThat(result.path("status").asString()).isEqualTo("rotated");
		assertThat(result.path("version").asInt()).isEqualTo(2);
		String manual = createPolicy(QUARTERLY);
		this.http.post("/v1/rotation/policies/" + manual + "/secrets", ROOT, ASSIGN_SALESFORCE);
		JsonNode due = this.http.post("/v1/rotation/policies/" + manual + "/trigger", ROOT, "{}").json()
			.path("results").get(0);
		assertThat(due.path("status").asString()).isEqualTo("due");
		assertThat(due.path("version").asInt()).isEqualTo(1);
		assertThat(eventsOfType("rotation.due")).hasSize(1);
		assertThat(this.http.post("/v1/rotation/policies/" + manual + "/trigger", ROOT,
				"{\"secret_paths\": [\"app/db\"]}").errorCode()).isEqualTo("validation_error");
	}

	@Test
	void historyPaginatesNewestFirst() {
		this.http.put("/v1/secrets/app/db", ROOT, "{\"data\": {\"password\": \"initial\"}, \"secret_type\": \"password\"}");
		String id = createPolicy("{\"name\": \"auto\", \"interval\": \"30d\", \"auto_generate\": true}");
		this.http.post("/v1/rotation/policies/" + id + "/secrets", ROOT, "{\"secret_path\": \"app/db\"}");
		for (int i = 0; i < 3; i++) {
			this.http.post("/v1/rotation/policies/" + id + "/trigger", ROOT, "{}");
		}
		Response first = this.http.get("/v1/rotation/policies/" + id + "/history?limit=2", ROOT);
		assertThat(first.json().path("data").get(0).path("to_version").asInt()).isEqualTo(4);
		assertThat(first.json().path("data").get(1).path("to_version").asInt()).isEqualTo(3);
		assertThat(first.json().path("has_more").asBoolean()).isTrue();
		Response second = this.http.get("/v1/rotation/policies/" + id + "/history?limit=2&cursor="
				+ first.json().path("cursor").asString(), ROOT);
		assertThat(second.json().path("data").size()).isEqualTo(1);
		assertThat(second.json().path("data").get(0).path("to_version").asInt()).isEqualTo(2);
		assertThat(second.json().path("has_more").asBoolean()).isFalse();
	}

	@Test
	void rotationAdministrationWithoutAdminPermissionReturnsAccessDenied() {
		String token = this.server.issueToken("sa:reporting-service");
		assertThat(this.http.post("/v1/rotation/policies", token, QUARTERLY).errorCode()).isEqualTo("access_denied");
		assertThat(this.http.get("/v1/rotation/due", token).errorCode()).isEqualTo("access_denied");
	}

	private String createPolicy(String body) {
		Response created = this.http.post("/v1/rotation/policies", ROOT, body);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().path("id").asString();
	}

	private List<Event> eventsOfType(String type) {
		return this.events.stream().filter((event) -> event.type().equals(type)).toList();
	}

}
