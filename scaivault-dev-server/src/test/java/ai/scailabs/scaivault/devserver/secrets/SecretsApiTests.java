package ai.scailabs.scaivault.devserver.secrets;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import ai.scailabs.scaivault.devserver.DevServerHttp;
import ai.scailabs.scaivault.devserver.DevServerHttp.Response;
import ai.scailabs.scaivault.devserver.ScaiVaultDevServer;
import ai.scailabs.scaivault.devserver.WalkThroughBodies;
import ai.scailabs.scaivault.devserver.events.Event;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conformance tests of the secrets endpoints (contract section 4) over real HTTP.
 */
class SecretsApiTests {

	static final String ROOT = "dev-root";

	ScaiVaultDevServer server;

	DevServerHttp http;

	final List<Event> events = new CopyOnWriteArrayList<>();

	@BeforeEach
	void start() {
		this.server = ScaiVaultDevServer.builder()
			.rootToken(ROOT)
			.client("reporting-service", "reporting-s3cret", "sa:reporting-service")
			.start();
		this.server.events().subscribe(this.events::add);
		this.http = new DevServerHttp(this.server);
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void writeWalkThroughSecretThenReadReturnsItWithMetadata() {
		Response written = this.http.put("/v1/secrets/integrations/salesforce/oauth", ROOT, WalkThroughBodies.STORE_SECRET);
		assertThat(written.status()).isEqualTo(200);
		assertThat(written.json().path("path").asString()).isEqualTo("integrations/salesforce/oauth");
		assertThat(written.json().path("version").asInt()).isEqualTo(1);
		assertThat(written.json().path("created_at").asString()).endsWith("Z");
		Response read = this.http.get("/v1/secrets/integrations/salesforce/oauth", ROOT);
		assertThat(read.status()).isEqualTo(200);
		JsonNode secret = read.json();
		assertThat(secret.path("path").asString()).isEqualTo("integrations/salesforce/oauth");
		assertThat(secret.path("version").asInt()).isEqualTo(1);
		assertThat(secret.path("data").path("client_id").asString()).isEqualTo("3MVG9...");
		assertThat(secret.path("data").path("client_secret").asString()).isEqualTo("REDACTED");
		assertThat(secret.path("secret_type").asString()).isEqualTo("json");
		assertThat(secret.path("metadata").path("description").asString())
			.isEqualTo("Salesforce OAuth for all production integrations");
		assertThat(secret.path("metadata").path("tags").toString()).isEqualTo("[\"salesforce\",\"oauth\",\"production\"]");
		assertThat(secret.path("created_at").asString()).endsWith("Z");
		assertThat(secret.path("updated_at").asString()).endsWith("Z");
	}

	@Test
	void writeIncrementsVersionAndReadWithVersionReturnsOlderVersion() {
		write("app/db", "{\"data\": {\"password\": \"one\"}}");
		Response second = write("app/db", "{\"data\": {\"password\": \"two\"}}");
		assertThat(second.json().path("version").asInt()).isEqualTo(2);
		assertThat(this.http.get("/v1/secrets/app/db", ROOT).json().path("data").path("password").asString())
			.isEqualTo("two");
		Response first = this.http.get("/v1/secrets/app/db?version=1", ROOT);
		assertThat(first.status()).isEqualTo(200);
		assertThat(first.json().path("version").asInt()).isEqualTo(1);
		assertThat(first.json().path("data").path("password").asString()).isEqualTo("one");
	}

	@Test
	void readWhenVersionIsUnknownReturnsNotFound() {
		write("app/db", "{\"data\": {\"k\": \"v\"}}");
		assertThat(this.http.get("/v1/secrets/app/db?version=7", ROOT).errorCode()).isEqualTo("not_found");
		assertThat(this.http.get("/v1/secrets/app/db?version=zero", ROOT).errorCode()).isEqualTo("validation_error");
	}

	@Test
	void readWhenSecretIsMissingReturnsNotFound() {
		Response response = this.http.get("/v1/secrets/app/missing", ROOT);
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.errorCode()).isEqualTo("not_found");
		assertThat(response.json().path("error").path("details").path("path").asString()).isEqualTo("app/missing");
		assertThat(response.json().path("error").path("request_id").asString()).isNotEmpty();
	}

	@Test
	void readWhenSecretIsSoftDeletedReturnsNotFound() {
		write("app/db", "{\"data\": {\"k\": \"v\"}}");
		Response deleted = this.http.delete("/v1/secrets/app/db", ROOT);
		assertThat(deleted.status()).isEqualTo(204);
		assertThat(this.http.get("/v1/secrets/app/db", ROOT).errorCode()).isEqualTo("not_found");
		assertThat(this.http.get("/v1/secrets/app/db?version=1", ROOT).errorCode()).isEqualTo("not_found");
		assertThat(this.http.delete("/v1/secrets/app/db", ROOT).errorCode()).isEqualTo("not_found");
	}

	@Test
	void writeAfterSoftDeleteRevivesWithNextVersion() {
		write("app/db", "{\"data\": {\"k\": \"one\"}}");
		write("app/db", "{\"data\": {\"k\": \"two\"}}");
		this.http.delete("/v1/secrets/app/db", ROOT);
		Response revived = write("app/db", "{\"data\": {\"k\": \"three\"}}");
		assertThat(revived.json().path("version").asInt()).isEqualTo(3);
		assertThat(this.http.get("/v1/secrets/app/db?version=1", ROOT).json().path("data").path("k").asString())
			.isEqualTo("one");
	}

	@Test
	void deleteWithPermanentDestroysEveryVersion() {
		write("app/db", "{\"data\": {\"k\": \"one\"}}");
		write("app/db", "{\"data\": {\"k\": \"two\"}}");
		assertThat(this.http.delete("/v1/secrets/app/db?permanent=true", ROOT).status()).isEqualTo(204);
		assertThat(this.http.get("/v1/secrets/app/db?version=1", ROOT).errorCode()).isEqualTo("not_found");
		assertThat(write("app/db", "{\"data\": {\"k\": \"new\"}}").json().path("version").asInt()).isEqualTo(1);
	}

	@Test
	void deleteWhenSecretIsMissingReturnsNotFound() {
		assertThat(this.http.delete("/v1/secrets/app/missing", ROOT).errorCode()).isEqualTo("not_found");
		assertThat(this.http.delete("/v1/secrets/app/missing?permanent=true", ROOT).errorCode()).isEqualTo("not_found");
		assertThat(this.http.delete("/v1/secrets/app/missing?permanent=maybe", ROOT).errorCode())
			.isEqualTo("validation_error");
	}

	@Test
	void writeWhenCasDoesNotMatchReturnsConflictAndChangesNothing() {
		write("app/db", "{\"data\": {\"k\": \"one\"}}");
		Response conflict = this.http.put("/v1/secrets/app/db", ROOT,
				"{\"data\": {\"k\": \"two\"}, \"options\": {\"cas\": 5}}");
		assertThat(conflict.status()).isEqualTo(409);
		assertThat(conflict.errorCode()).isEqualTo("conflict");
		assertThat(conflict.body()).doesNotContain("two");
		assertThat(this.http.get("/v1/secrets/app/db", ROOT).json().path("version").asInt()).isEqualTo(1);
		Response matching = this.http.put("/v1/secrets/app/db", ROOT,
				"{\"data\": {\"k\": \"two\"}, \"options\": {\"cas\": 1}}");
		assertThat(matching.json().path("version").asInt()).isEqualTo(2);
	}

	@Test
	void writeWithCasZeroCreatesOnlyMissingSecret() {
		assertThat(this.http.put("/v1/secrets/app/new", ROOT, "{\"data\": {}, \"options\": {\"cas\": 0}}").status())
			.isEqualTo(200);
		assertThat(this.http.put("/v1/secrets/app/new", ROOT, "{\"data\": {}, \"options\": {\"cas\": 0}}").errorCode())
			.isEqualTo("conflict");
	}

	@Test
	void writeWithMaxVersionsKeepsNewestVersions() {
		this.http.put("/v1/secrets/app/db", ROOT, "{\"data\": {\"n\": 1}, \"options\": {\"max_versions\": 2}}");
		write("app/db", "{\"data\": {\"n\": 2}}");
		write("app/db", "{\"data\": {\"n\": 3}}");
		assertThat(this.http.get("/v1/secrets/app/db?version=1", ROOT).errorCode()).isEqualTo("not_found");
		assertThat(this.http.get("/v1/secrets/app/db?version=2", ROOT).json().path("data").path("n").asInt())
			.isEqualTo(2);
		assertThat(this.http.get("/v1/secrets/app/db", ROOT).json().path("version").asInt()).isEqualTo(3);
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"data\": {}, \"unknown\": 1}", "{\"data\": {}, \"options\": {\"ttl\": \"1h\"}}" })
	void writeWithUnknownFieldReturnsValidationErrorNamingIt(String body) {
		Response response = this.http.put("/v1/secrets/app/db", ROOT, body);
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.errorCode()).isEqualTo("validation_error");
		assertThat(response.json().path("error").path("message").asString()).contains("Unknown field");
		assertThat(this.http.get("/v1/secrets/app/db", ROOT).errorCode()).isEqualTo("not_found");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{}", "{\"data\": \"text\"}", "{\"data\": {}, \"secret_type\": \"blob\"}",
			"{\"data\": {}, \"options\": {\"max_versions\": 0}}", "{\"data\": {}, \"metadata\": {\"tags\": \"x\"}}" })
	void writeWithInvalidBodyReturnsValidationError(String body) {
		Response response = this.http.put("/v1/secrets/app/db", ROOT, body);
		assertThat(response.errorCode()).isEqualTo("validation_error");
		assertThat(response.json().path("error").path("details").path("field").asString()).isNotEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "app//db", "app/../db", "app/./db", "app/db/", "app/d%20b", "app/d%24b", "app/%2E%2E" })
	void writeWithInvalidPathReturnsValidationErrorNamingPathAndRule(String path) {
		Response response = this.http.put("/v1/secrets/" + path, ROOT, "{\"data\": {\"k\": \"v\"}}");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.errorCode()).isEqualTo("validation_error");
		assertThat(response.json().path("error").path("details").path("path").asString()).isNotEmpty();
		assertThat(response.json().path("error").path("details").path("rule").asString()).isNotEmpty();
	}

	@Test
	void writeWithPathLongerThan512CharactersReturnsValidationError() {
		String path = "a/" + "b".repeat(511);
		assertThat(this.http.put("/v1/secrets/" + path, ROOT, "{\"data\": {}}").errorCode())
			.isEqualTo("validation_error");
		assertThat(this.http.put("/v1/secrets/" + path.substring(1), ROOT, "{\"data\": {}}").status()).isEqualTo(400);
		assertThat(this.http.put("/v1/secrets/" + path.substring(2), ROOT, "{\"data\": {}}").status()).isEqualTo(200);
	}

	@Test
	void pathsAreCaseSensitive() {
		write("App/DB", "{\"data\": {\"k\": \"upper\"}}");
		assertThat(this.http.get("/v1/secrets/app/db", ROOT).errorCode()).isEqualTo("not_found");
		assertThat(this.http.get("/v1/secrets/App/DB", ROOT).status()).isEqualTo(200);
	}

	@Test
	void updateMetadataReplacesMetadataAndKeepsVersion() {
		write("integrations/salesforce/oauth", WalkThroughBodies.STORE_SECRET);
		Response response = this.http.patch("/v1/secrets/integrations/salesforce/oauth/metadata", ROOT,
				"{\"metadata\": {\"description\": \"CRM\", \"tags\": [\"crm\"], \"owner\": \"team-reporting\"}}");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().path("description").asString()).isEqualTo("CRM");
		assertThat(response.json().path("tags").toString()).isEqualTo("[\"crm\"]");
		assertThat(response.json().path("owner").asString()).isEqualTo("team-reporting");
		JsonNode read = this.http.get("/v1/secrets/integrations/salesforce/oauth", ROOT).json();
		assertThat(read.path("metadata").path("tags").toString()).isEqualTo("[\"crm\"]");
		assertThat(read.path("metadata").path("owner").asString()).isEqualTo("team-reporting");
		assertThat(read.path("version").asInt()).isEqualTo(1);
		Response cleared = this.http.patch("/v1/secrets/integrations/salesforce/oauth/metadata", ROOT,
				"{\"metadata\": {\"description\": \"CRM\"}}");
		assertThat(cleared.json().path("tags").size()).isZero();
		assertThat(cleared.json().has("owner")).isFalse();
	}

	@Test
	void writeKeepsCustomMetadataFieldsBesideDescriptionAndTags() {
		write("app/db", "{\"data\": {}, \"metadata\": {\"description\": \"d\", \"owner\": \"x\", \"ticket\": 42}}");
		JsonNode metadata = this.http.get("/v1/secrets/app/db", ROOT).json().path("metadata");
		assertThat(metadata.path("description").asString()).isEqualTo("d");
		assertThat(metadata.path("owner").asString()).isEqualTo("x");
		assertThat(metadata.path("ticket").asInt()).isEqualTo(42);
		write("app/db", "{\"data\": {\"k\": 1}}");
		assertThat(this.http.get("/v1/secrets/app/db", ROOT).json().path("metadata").path("owner").asString())
			.isEqualTo("x");
	}

	@Test
	void updateMetadataWhenSecretIsMissingReturnsNotFound() {
		assertThat(this.http.patch("/v1/secrets/app/missing/metadata", ROOT, "{\"metadata\": {}}").errorCode())
			.isEqualTo("not_found");
		write("app/db", "{\"data\": {}}");
		assertThat(this.http.patch("/v1/secrets/app/db/metadata", ROOT, "{\"tags\": []}").errorCode())
			.isEqualTo("validation_error");
	}

	@Test
	void listPaginatesAcrossPagesUnderPrefix() {
		for (int i = 1; i <= 7; i++) {
			write("environments/production/s" + i, "{\"data\": {\"k\": \"v\"}}");
		}
		write("environments/staging/s1", "{\"data\": {}}");
		write("environments/productionx", "{\"data\": {}}");
		List<String> paths = new ArrayList<>();
		String cursor = null;
		int pages = 0;
		do {
			Response page = this.http.get("/v1/secrets?prefix=environments/production/&limit=3"
					+ ((cursor != null) ? "&cursor=" + cursor : ""), ROOT);
			assertThat(page.status()).isEqualTo(200);
			for (JsonNode item : page.json().path("data")) {
				paths.add(item.path("path").asString());
				assertThat(item.path("version").asInt()).isEqualTo(1);
				assertThat(item.path("secret_type").asString()).isEqualTo("json");
				assertThat(item.path("updated_at").asString()).endsWith("Z");
				assertThat(item.has("data")).isFalse();
			}
			boolean hasMore = page.json().path("has_more").asBoolean();
			cursor = hasMore ? page.json().path("cursor").asString() : null;
			assertThat(page.json().path("cursor").isNull()).isEqualTo(!hasMore);
			pages++;
		}
		while (cursor != null);
		assertThat(pages).isEqualTo(3);
		assertThat(paths).containsExactly("environments/production/s1", "environments/production/s2",
				"environments/production/s3", "environments/production/s4", "environments/production/s5",
				"environments/production/s6", "environments/production/s7");
	}

	@Test
	void listLeavesOutDeletedSecretsAndDefaultsToFifty() {
		for (int i = 0; i < 60; i++) {
			write(String.format("bulk/s%02d", i), "{\"data\": {}}");
		}
		this.http.delete("/v1/secrets/bulk/s00", ROOT);
		Response page = this.http.get("/v1/secrets", ROOT);
		assertThat(page.json().path("data").size()).isEqualTo(50);
		assertThat(page.json().path("data").get(0).path("path").asString()).isEqualTo("bulk/s01");
		assertThat(page.json().path("has_more").asBoolean()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "limit=0", "limit=1001", "limit=ten", "cursor=not-a-cursor!" })
	void listWithInvalidParameterReturnsValidationError(String query) {
		assertThat(this.http.get("/v1/secrets?" + query, ROOT).errorCode()).isEqualTo("validation_error");
	}

	@Test
	void rotateWithNewValueKeepsPreviousVersionReadableUntilGracePeriodEnds() {
		write("integrations/salesforce/oauth", WalkThroughBodies.STORE_SECRET);
		Response rotated = this.http.post("/v1/secrets/integrations/salesforce/oauth/rotate", ROOT, """
				{"reason": "compromise", "new_value": {"client_id": "3MVG9...", "client_secret": "NEW"}, "grace_period": "1h"}""");
		assertThat(rotated.status()).isEqualTo(200);
		assertThat(rotated.json().path("path").asString()).isEqualTo("integrations/salesforce/oauth");
		assertThat(rotated.json().path("version").asInt()).isEqualTo(2);
		assertThat(rotated.json().path("previous_version").asInt()).isEqualTo(1);
		assertThat(rotated.json().path("grace_period_ends_at").asString()).endsWith("Z");
		assertThat(this.http.get("/v1/secrets/integrations/salesforce/oauth", ROOT).json().path("data")
			.path("client_secret").asString()).isEqualTo("NEW");
		this.server.clock().advance(Duration.ofMinutes(59));
		assertThat(this.http.get("/v1/secrets/integrations/salesforce/oauth?version=1", ROOT).status()).isEqualTo(200);
		this.server.clock().advance(Duration.ofMinutes(2));
		Response expired = this.http.get("/v1/secrets/integrations/salesforce/oauth?version=1", ROOT);
		assertThat(expired.errorCode()).isEqualTo("not_found");
		assertThat(expired.body()).doesNotContain("REDACTED");
		assertThat(this.http.get("/v1/secrets/integrations/salesforce/oauth", ROOT).status()).isEqualTo(200);
	}

	@Test
	void rotatePasswordSecretWithoutNewValueGeneratesThirtyTwoCharacters() {
		write("app/db", "{\"data\": {\"password\": \"old\"}, \"secret_type\": \"password\"}");
		Response rotated = this.http.post("/v1/secrets/app/db/rotate", ROOT, "{\"reason\": \"scheduled\"}");
		assertThat(rotated.status()).isEqualTo(200);
		assertThat(rotated.body()).doesNotContain("password\":");
		JsonNode read = this.http.get("/v1/secrets/app/db", ROOT).json();
		assertThat(read.path("version").asInt()).isEqualTo(2);
		assertThat(read.path("secret_type").asString()).isEqualTo("password");
		assertThat(read.path("data").path("password").asString()).hasSize(32).isNotEqualTo("old");
		assertThat(this.http.get("/v1/secrets/app/db?version=1", ROOT).errorCode()).isEqualTo("not_found");
	}

	@Test
	void rotateJsonSecretWithoutNewValueReturnsValidationError() {
		write("app/db", "{\"data\": {\"k\": \"v\"}}");
		Response response = this.http.post("/v1/secrets/app/db/rotate", ROOT, "{\"reason\": \"compromise\"}");
		assertThat(response.errorCode()).isEqualTo("validation_error");
		assertThat(response.json().path("error").path("details").path("field").asString()).isEqualTo("new_value");
		assertThat(this.http.get("/v1/secrets/app/db", ROOT).json().path("version").asInt()).isEqualTo(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "1 h", "1.5h", "-1h", "h", "1w", "30m1h", "" })
	void rotateWithInvalidGracePeriodReturnsValidationErrorNamingField(String grace) {
		write("app/db", "{\"data\": {\"k\": \"v\"}}");
		Response response = this.http.post("/v1/secrets/app/db/rotate", ROOT,
				"{\"new_value\": {\"k\": \"w\"}, \"grace_period\": \"" + grace + "\"}");
		assertThat(response.errorCode()).isEqualTo("validation_error");
		assertThat(response.json().path("error").path("details").path("field").asString()).isEqualTo("grace_period");
		assertThat(this.http.get("/v1/secrets/app/db", ROOT).json().path("version").asInt()).isEqualTo(1);
	}

	@Test
	void rotateWhenSecretIsMissingReturnsNotFound() {
		assertThat(this.http.post("/v1/secrets/app/missing/rotate", ROOT, "{\"new_value\": {}}").errorCode())
			.isEqualTo("not_found");
	}

	@Test
	void batchReadReturnsSecretsAndPutsMissingPathsInErrors() {
		write("a/b", "{\"data\": {\"k\": \"1\"}}");
		Response response = this.http.post("/v1/secrets/batch", ROOT, "{\"paths\": [\"a/b\", \"c/d\", \"bad//path\"]}");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().path("secrets").path("a/b").path("data").path("k").asString()).isEqualTo("1");
		assertThat(response.json().path("secrets").path("a/b").path("version").asInt()).isEqualTo(1);
		assertThat(response.json().path("errors").path("c/d").path("code").asString()).isEqualTo("not_found");
		assertThat(response.json().path("errors").path("c/d").path("message").asString()).isNotEmpty();
		assertThat(response.json().path("errors").path("bad//path").path("code").asString())
			.isEqualTo("validation_error");
	}

	@Test
	void batchReadWithMoreThanOneHundredPathsReturnsValidationError() {
		StringBuilder paths = new StringBuilder();
		for (int i = 0; i < 101; i++) {
			paths.append((i > 0) ? "," : "").append("\"p/").append(i).append('"');
		}
		Response response = this.http.post("/v1/secrets/batch", ROOT, "{\"paths\": [" + paths + "]}");
		assertThat(response.errorCode()).isEqualTo("validation_error");
		assertThat(response.json().path("error").path("details").path("field").asString()).isEqualTo("paths");
	}

	@Test
	void writeWithoutTokenReturnsAuthenticationRequired() {
		assertThat(this.http.put("/v1/secrets/app/db", null, "{\"data\": {}}").errorCode())
			.isEqualTo("authentication_required");
	}

	@Test
	void changesPublishEventsWithVersionsAndWithoutValues() {
		write("app/db", "{\"data\": {\"password\": \"first-value\"}, \"secret_type\": \"password\"}");
		write("app/db", "{\"data\": {\"password\": \"second-value\"}}");
		this.http.post("/v1/secrets/app/db/rotate", ROOT, "{\"grace_period\": \"1h\"}");
		this.http.delete("/v1/secrets/app/db", ROOT);
		assertThat(this.events).extracting(Event::type)
			.containsExactly("secret.created", "secret.updated", "secret.rotated", "secret.deleted");
		assertThat(this.events).extracting(Event::version).containsExactly(1, 2, 3, 3);
		assertThat(this.events).extracting(Event::previousVersion).containsExactly(null, 1, 2, null);
		assertThat(this.events).allSatisfy((event) -> {
			assertThat(event.path()).isEqualTo("app/db");
			assertThat(event.toString()).doesNotContain("first-value").doesNotContain("second-value");
		});
		String generated = this.http.get("/v1/secrets/app/db?version=3", ROOT).body();
		assertThat(generated).isNotEmpty();
	}

	@Test
	void concurrentWritesToOnePathGetDistinctConsecutiveVersions() throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(8);
		try {
			List<Future<Integer>> versions = new ArrayList<>();
			for (int i = 0; i < 200; i++) {
				int n = i;
				versions.add(executor.submit(() -> this.http
					.put("/v1/secrets/app/counter", ROOT, "{\"data\": {\"n\": " + n + "}}")
					.json()
					.path("version")
					.asInt()));
			}
			List<Integer> results = new ArrayList<>();
			for (Future<Integer> version : versions) {
				results.add(version.get(2, TimeUnit.MINUTES));
			}
			assertThat(results).doesNotHaveDuplicates().hasSize(200).allSatisfy((v) -> assertThat(v).isBetween(1, 200));
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Test
	void serviceAccountBoundToOnePathReadsItAndIsDeniedElsewhere() {
		write("integrations/salesforce/oauth", WalkThroughBodies.STORE_SECRET);
		write("integrations/hubspot/oauth", "{\"data\": {\"token\": \"HUBSPOT-VALUE\"}}");
		String token = serviceAccountToken();
		Response read = this.http.get("/v1/secrets/integrations/salesforce/oauth", token);
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.json().path("data").path("client_id").asString()).isEqualTo("3MVG9...");
		Response denied = this.http.get("/v1/secrets/integrations/hubspot/oauth", token);
		assertThat(denied.status()).isEqualTo(403);
		assertThat(denied.errorCode()).isEqualTo("access_denied");
		assertThat(denied.json().path("error").path("details").path("path").asString())
			.isEqualTo("integrations/hubspot/oauth");
		assertThat(denied.json().path("error").path("details").path("permission").asString()).isEqualTo("read");
		assertThat(denied.body()).doesNotContain("HUBSPOT-VALUE");
		assertThat(this.http.get("/v1/secrets/integrations/missing", token).errorCode()).isEqualTo("access_denied");
		assertThat(this.http.put("/v1/secrets/integrations/salesforce/oauth", token, "{\"data\": {}}").errorCode())
			.isEqualTo("access_denied");
		assertThat(this.http.delete("/v1/secrets/integrations/salesforce/oauth", token).errorCode())
			.isEqualTo("access_denied");
		assertThat(this.http.post("/v1/secrets/integrations/salesforce/oauth/rotate", token, "{\"new_value\": {}}")
			.errorCode()).isEqualTo("access_denied");
		assertThat(this.http.get("/v1/secrets/integrations/salesforce/oauth", ROOT).json().path("version").asInt())
			.isEqualTo(1);
	}

	@Test
	void batchReadByServiceAccountPutsDeniedPathInErrors() {
		write("integrations/salesforce/oauth", WalkThroughBodies.STORE_SECRET);
		write("integrations/hubspot/oauth", "{\"data\": {\"token\": \"HUBSPOT-VALUE\"}}");
		String token = serviceAccountToken();
		Response response = this.http.post("/v1/secrets/batch", token,
				"{\"paths\": [\"integrations/salesforce/oauth\", \"integrations/hubspot/oauth\"]}");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().path("secrets").path("integrations/salesforce/oauth").path("data").path("client_secret")
			.asString()).isEqualTo("REDACTED");
		assertThat(response.json().path("secrets").has("integrations/hubspot/oauth")).isFalse();
		JsonNode error = response.json().path("errors").path("integrations/hubspot/oauth");
		assertThat(error.path("code").asString()).isEqualTo("access_denied");
		assertThat(error.path("details").path("permission").asString()).isEqualTo("read");
		assertThat(response.body()).doesNotContain("HUBSPOT-VALUE");
	}

	@Test
	void listShowsOnlyPathsTheCallerMayList() {
		write("integrations/salesforce/oauth", WalkThroughBodies.STORE_SECRET);
		write("integrations/hubspot/oauth", "{\"data\": {}}");
		write("integrations/zendesk/oauth", "{\"data\": {}}");
		String token = serviceAccountToken();
		assertThat(this.http.get("/v1/secrets?prefix=integrations/", token).json().path("data").size()).isZero();
		String policy = this.http.post("/v1/policies", ROOT, """
				{"name": "list-some", "rules": [{"path_pattern": "integrations/*/oauth", "permissions": ["list"]},
				{"path_pattern": "integrations/zendesk/**", "permissions": ["read"]}]}""").json().path("id").asString();
		this.http.post("/v1/policies/" + policy + "/bindings", ROOT, WalkThroughBodies.BIND);
		write("integrations/salesforce/oauth/extra", "{\"data\": {}}");
		Response page = this.http.get("/v1/secrets?prefix=integrations/&limit=2", token);
		assertThat(page.json().path("data").get(0).path("path").asString()).isEqualTo("integrations/hubspot/oauth");
		assertThat(page.json().path("data").get(1).path("path").asString()).isEqualTo("integrations/salesforce/oauth");
		assertThat(page.json().path("has_more").asBoolean()).isTrue();
		Response next = this.http.get("/v1/secrets?prefix=integrations/&limit=2&cursor="
				+ page.json().path("cursor").asString(), token);
		assertThat(next.json().path("data").size()).isEqualTo(1);
		assertThat(next.json().path("data").get(0).path("path").asString()).isEqualTo("integrations/zendesk/oauth");
		assertThat(next.json().path("has_more").asBoolean()).isFalse();
	}

	@Test
	void listLeavesOneAuditEntryForTheListingNotOnePerPath() {
		write("integrations/salesforce/oauth", WalkThroughBodies.STORE_SECRET);
		write("integrations/hubspot/oauth", "{\"data\": {}}");
		String token = serviceAccountToken();
		int before = this.server.audit().entries((entry) -> entry.identityId().equals("sa:reporting-service")).size();
		this.http.get("/v1/secrets?prefix=integrations/", token);
		assertThat(this.server.audit().entries((entry) -> entry.identityId().equals("sa:reporting-service")))
			.hasSize(before + 1)
			.last()
			.satisfies((entry) -> {
				assertThat(entry.action()).isEqualTo("list");
				assertThat(entry.path()).isEqualTo("integrations/");
			});
	}

	private String serviceAccountToken() {
		Response policy = this.http.post("/v1/policies", ROOT, WalkThroughBodies.CREATE_POLICY);
		assertThat(policy.status()).as(policy.toString()).isEqualTo(201);
		Response binding = this.http.post("/v1/policies/" + policy.json().path("id").asString() + "/bindings", ROOT,
				WalkThroughBodies.BIND);
		assertThat(binding.status()).as(binding.toString()).isEqualTo(201);
		Response token = this.http.postForm("/oauth/token",
				"grant_type=client_credentials&client_id=reporting-service&client_secret=reporting-s3cret");
		assertThat(token.status()).as(token.toString()).isEqualTo(200);
		return token.json().path("access_token").asString();
	}

	private Response write(String path, String body) {
		Response response = this.http.put("/v1/secrets/" + path, ROOT, body);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response;
	}

}
