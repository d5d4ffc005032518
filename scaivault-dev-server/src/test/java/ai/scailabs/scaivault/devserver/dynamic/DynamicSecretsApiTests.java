package ai.scailabs.scaivault.devserver.dynamic;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import ai.scailabs.scaivault.devserver.DevServerHttp;
import ai.scailabs.scaivault.devserver.DevServerHttp.Response;
import ai.scailabs.scaivault.devserver.ScaiVaultDevServer;
import ai.scailabs.scaivault.devserver.events.Event;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conformance tests of the dynamic-secrets endpoints (contract section 10) over real HTTP.
 */
class DynamicSecretsApiTests {

	private static final String ROOT = "dev-root";

	private static final String ADMIN_PASSWORD = "admin-pw-that-must-never-show";

	private ScaiVaultDevServer server;

	private DevServerHttp http;

	private final List<Event> events = new CopyOnWriteArrayList<>();

	private final BlockingQueue<Event> revocations = new LinkedBlockingQueue<>();

	@BeforeEach
	void start() {
		this.server = ScaiVaultDevServer.builder().rootToken(ROOT).start();
		this.server.events().subscribe((event) -> {
			this.events.add(event);
			if (event.type().equals("lease.revoked")) {
				this.revocations.add(event);
			}
		});
		this.http = new DevServerHttp(this.server);
		assertThat(post("/v1/dynamic/engines", "{\"name\": \"samples\", \"type\": \"h2\"}").status()).isEqualTo(201);
		assertThat(post("/v1/dynamic/engines/samples/roles",
				"{\"name\": \"readonly\", \"default_ttl\": \"1h\", \"max_ttl\": \"2h\"}")
			.status()).isEqualTo(201);
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void generateAnswersLeaseWithWorkingCredentials() throws SQLException {
		Response response = post("/v1/dynamic/samples/creds/readonly", "{\"ttl\": \"30m\"}");
		assertThat(response.status()).isEqualTo(200);
		JsonNode lease = response.json();
		assertThat(lease.path("lease_id").asString()).startsWith("lease_");
		assertThat(lease.path("lease_duration").asLong()).isEqualTo(1800);
		assertThat(lease.path("renewable").asBoolean()).isTrue();
		assertThat(Instant.parse(lease.path("expires_at").asString())).isAfter(this.server.clock().now());
		JsonNode data = lease.path("data");
		assertThat(data.path("connection_url").asString()).startsWith("jdbc:h2:tcp://127.0.0.1:");
		try (Connection connection = Databases.open(data.path("connection_url").asString(),
				data.path("username").asString(), data.path("password").asString());
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT 1")) {
			assertThat(result.next()).isTrue();
		}
	}

	@Test
	void generateCapsTtlAtMaxTtl() {
		Response response = post("/v1/dynamic/samples/creds/readonly", "{\"ttl\": \"48h\"}");
		assertThat(response.json().path("lease_duration").asLong()).isEqualTo(7200);
	}

	@Test
	void generateWithoutBodyUsesDefaultTtl() {
		Response response = this.http.post("/v1/dynamic/samples/creds/readonly", ROOT, null);
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().path("lease_duration").asLong()).isEqualTo(3600);
	}

	@Test
	void renewNeverGoesBeyondMaxTtl() {
		JsonNode lease = post("/v1/dynamic/samples/creds/readonly", "{\"ttl\": \"1h\"}").json();
		String leaseId = lease.path("lease_id").asString();
		Instant expiresAt = Instant.parse(lease.path("expires_at").asString());
		this.server.clock().advance(Duration.ofMinutes(30));
		Instant before = this.server.clock().now().truncatedTo(ChronoUnit.SECONDS);
		Response renewed = post("/v1/leases/" + leaseId + "/renew", "{\"increment\": \"5h\"}");
		Instant after = this.server.clock().now().truncatedTo(ChronoUnit.SECONDS);
		assertThat(renewed.status()).isEqualTo(200);
		assertThat(renewed.json().path("lease_id").asString()).isEqualTo(leaseId);
		Instant newExpiry = Instant.parse(renewed.json().path("expires_at").asString());
		assertThat(newExpiry).isEqualTo(expiresAt.plus(Duration.ofHours(1)));
		// whole seconds from the second the renewal started at, whichever second that was
		assertThat(renewed.json().path("lease_duration").asLong()).isBetween(
				Duration.between(after, newExpiry).toSeconds(), Duration.between(before, newExpiry).toSeconds());
		assertThat(renewed.json().path("renewable").asBoolean()).isFalse();
	}

	@Test
	void hugeTtlsAnswerValidationErrorOrAreCapped() {
		Response role = post("/v1/dynamic/engines/samples/roles", "{\"name\": \"forever\", \"max_ttl\": \"106751991167300d\"}");
		assertThat(role.status()).isEqualTo(400);
		assertThat(role.errorCode()).isEqualTo("validation_error");
		assertThat(role.json().path("error").path("message").asString()).contains("max_ttl");
		JsonNode lease = post("/v1/dynamic/samples/creds/readonly", "{}").json();
		Response renewed = post("/v1/leases/" + lease.path("lease_id").asString() + "/renew",
				"{\"increment\": \"999999999d\"}");
		assertThat(renewed.status()).isEqualTo(200);
		assertThat(renewed.json().path("renewable").asBoolean()).isFalse();
	}

	@Test
	void revokeAnswersNoContentAndEndsTheLease() {
		JsonNode lease = post("/v1/dynamic/samples/creds/readonly", "{}").json();
		String leaseId = lease.path("lease_id").asString();
		assertThat(this.http.delete("/v1/leases/" + leaseId, ROOT).status()).isEqualTo(204);
		assertThat(Databases.loginFailure(lease.path("data").path("connection_url").asString(),
				lease.path("data").path("username").asString(), lease.path("data").path("password").asString()))
			.isNotNull();
		assertThat(this.http.delete("/v1/leases/" + leaseId, ROOT).status()).isEqualTo(204);
		Response renew = post("/v1/leases/" + leaseId + "/renew", "{}");
		assertThat(renew.status()).isEqualTo(404);
		assertThat(renew.errorCode()).isEqualTo("not_found");
		assertThat(this.http.delete("/v1/leases/lease_unknown", ROOT).errorCode()).isEqualTo("not_found");
		assertThat(this.events).filteredOn((event) -> event.type().equals("lease.revoked")).singleElement()
			.satisfies((event) -> assertThat(event.data()).containsEntry("lease_id", leaseId));
	}

	@Test
	void listLeasesIsPaginatedAndHoldsNoCredentials() {
		JsonNode first = post("/v1/dynamic/samples/creds/readonly", "{}").json();
		JsonNode second = post("/v1/dynamic/samples/creds/readonly", "{}").json();
		Response page = this.http.get("/v1/leases?engine=samples&limit=1", ROOT);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.json().path("data")).hasSize(1);
		assertThat(page.json().path("data").get(0).path("lease_id").asString())
			.isEqualTo(first.path("lease_id").asString());
		assertThat(page.json().path("has_more").asBoolean()).isTrue();
		Response next = this.http.get("/v1/leases?engine=samples&limit=1&cursor=" + page.json().path("cursor").asString(),
				ROOT);
		assertThat(next.json().path("data").get(0).path("lease_id").asString())
			.isEqualTo(second.path("lease_id").asString());
		assertThat(next.json().path("has_more").asBoolean()).isFalse();
		for (JsonNode lease : List.of(first, second)) {
			assertThat(page.body() + next.body()).doesNotContain(lease.path("data").path("password").asString())
				.doesNotContain(lease.path("data").path("username").asString());
		}
		assertThat(this.http.get("/v1/leases?engine=other", ROOT).json().path("data")).isEmpty();
	}

	@Test
	void expiredLeaseIsRevokedOnTick() throws InterruptedException {
		JsonNode lease = post("/v1/dynamic/samples/creds/readonly", "{\"ttl\": \"10m\"}").json();
		this.server.clock().advance(Duration.ofMinutes(9));
		this.server.clock().advance(Duration.ofMinutes(1));
		assertThat(this.http.get("/v1/leases", ROOT).json().path("data")).isEmpty();
		// the account is dropped on the feature's own thread, which publishes lease.revoked after it
		// (the generous bound only keeps a broken build from hanging; it is not a speed target)
		assertThat(this.revocations.poll(60, TimeUnit.SECONDS)).as("lease.revoked").isNotNull()
			.satisfies((event) -> assertThat(event.data()).containsEntry("lease_id", lease.path("lease_id").asString())
				.containsEntry("reason", "expired"));
		assertThat(this.events).extracting(Event::type).containsSubsequence("lease.expiring", "lease.revoked");
		assertThat(Databases.loginFailure(lease.path("data").path("connection_url").asString(),
				lease.path("data").path("username").asString(), lease.path("data").path("password").asString()))
			.isNotNull();
	}

	@Test
	void configureEngineNeverAnswersTheAdminPassword() {
		Response created = post("/v1/dynamic/engines", "{\"name\": \"support-db\", \"type\": \"postgresql\", "
				+ "\"connection_url\": \"jdbc:postgresql://127.0.0.1:1/test\", \"username\": \"postgres\", "
				+ "\"password\": \"" + ADMIN_PASSWORD + "\", \"verify_connection\": false}");
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().path("name").asString()).isEqualTo("support-db");
		assertThat(created.json().path("type").asString()).isEqualTo("postgresql");
		assertThat(created.json().has("password")).isFalse();
		assertThat(created.body()).doesNotContain(ADMIN_PASSWORD);
		assertThat(this.http.get("/v1/dynamic/engines/support-db", ROOT).body()).doesNotContain(ADMIN_PASSWORD);
		assertThat(this.http.get("/v1/dynamic/engines", ROOT).body()).doesNotContain(ADMIN_PASSWORD)
			.contains("support-db");
	}

	@Test
	void configureEngineWhenVerificationFailsAnswersValidationErrorWithoutPassword() {
		Response response = post("/v1/dynamic/engines", "{\"name\": \"support-db\", \"type\": \"postgresql\", "
				+ "\"connection_url\": \"jdbc:postgresql://127.0.0.1:1/test\", \"username\": \"postgres\", "
				+ "\"password\": \"" + ADMIN_PASSWORD + "\", \"verify_connection\": true}");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.errorCode()).isEqualTo("validation_error");
		assertThat(response.json().path("error").path("message").asString()).contains("could not connect")
			.contains("127.0.0.1:1");
		assertThat(response.body()).doesNotContain(ADMIN_PASSWORD);
		assertThat(this.http.get("/v1/dynamic/engines/support-db", ROOT).status()).isEqualTo(404);
	}

	@Test
	void configureEngineWithUnknownFieldOrTypeAnswersValidationError() {
		assertThat(post("/v1/dynamic/engines", "{\"name\": \"x\", \"type\": \"h2\", \"colour\": \"red\"}").errorCode())
			.isEqualTo("validation_error");
		assertThat(post("/v1/dynamic/engines", "{\"name\": \"x\", \"type\": \"oracle\"}").errorCode())
			.isEqualTo("validation_error");
		assertThat(post("/v1/dynamic/engines", "{\"name\": \"x\", \"type\": \"postgresql\", "
				+ "\"connection_url\": \"jdbc:postgresql://127.0.0.1/test?password=oops\", \"username\": \"postgres\"}")
			.json()
			.path("error")
			.path("message")
			.asString()).contains("must not hold credentials");
	}

	@Test
	void createRoleAnswersItsStatementsAndTtls() {
		Response role = post("/v1/dynamic/engines/samples/roles", "{\"name\": \"writer\", "
				+ "\"creation_statements\": \"CREATE USER \\\"{{name}}\\\" PASSWORD '{{password}}'; "
				+ "GRANT ALL ON SCHEMA PUBLIC TO \\\"{{name}}\\\"\", \"max_ttl\": \"7d\"}");
		assertThat(role.status()).isEqualTo(201);
		assertThat(role.json().path("creation_statements")).hasSize(2);
		assertThat(role.json().path("default_ttl").asString()).isEqualTo("1h");
		assertThat(role.json().path("max_ttl").asString()).isEqualTo("7d");
		assertThat(post("/v1/dynamic/engines/samples/roles", "{\"name\": \"bad\", \"default_ttl\": \"3d\", "
				+ "\"max_ttl\": \"1d\"}").errorCode()).isEqualTo("validation_error");
		assertThat(post("/v1/dynamic/engines/nope/roles", "{\"name\": \"r\"}").errorCode()).isEqualTo("not_found");
	}

	@Test
	void generateWithoutPolicyIsDeniedAndWithPolicyIsAllowed() {
		String token = this.server.issueToken("sa:reporting-service");
		assertThat(this.http.post("/v1/dynamic/samples/creds/readonly", token, "{}").errorCode())
			.isEqualTo("access_denied");
		Response policy = post("/v1/policies", "{\"name\": \"reporting\", \"rules\": [{\"path_pattern\": "
				+ "\"dynamic/samples/creds/readonly\", \"permissions\": [\"read\"]}]}");
		assertThat(policy.status()).isEqualTo(201);
		assertThat(post("/v1/policies/" + policy.json().path("id").asString() + "/bindings",
				"{\"identity_type\": \"service_account\", \"identity_id\": \"sa:reporting-service\"}")
			.status()).isEqualTo(201);
		assertThat(this.http.post("/v1/dynamic/samples/creds/readonly", token, "{}").status()).isEqualTo(200);
		assertThat(this.http.post("/v1/dynamic/engines", token, "{\"name\": \"x\", \"type\": \"h2\"}").errorCode())
			.isEqualTo("access_denied");
		assertThat(this.http.get("/v1/leases", token).errorCode()).isEqualTo("access_denied");
	}

	@Test
	void closingTheServerDropsEveryPostgresRole() throws SQLException {
		try (Connection admin = Databases.postgres()) {
			assertThat(post("/v1/dynamic/engines", "{\"name\": \"support-db\", \"type\": \"postgresql\", "
					+ "\"connection_url\": \"" + Databases.postgresUrl() + "\", \"username\": \"postgres\", "
					+ "\"password\": \"\", \"verify_connection\": true}")
				.status()).isEqualTo(201);
			assertThat(post("/v1/dynamic/engines/support-db/roles", "{\"name\": \"readonly\"}").status()).isEqualTo(201);
			JsonNode data = post("/v1/dynamic/support-db/creds/readonly", "{\"ttl\": \"2h\"}").json().path("data");
			String username = data.path("username").asString();
			assertThat(data.path("connection_url").asString()).isEqualTo(Databases.postgresUrl());
			assertThat(Databases.loginFailure(Databases.postgresUrl(), username, data.path("password").asString()))
				.isNull();
			this.server.close();
			assertThat(Databases.postgresRoleExists(admin, username)).isFalse();
		}
	}

	@Test
	void mariadbCredentialsWorkOverHttp() throws SQLException {
		try (Connection admin = Databases.mariadb()) {
			assertThat(post("/v1/dynamic/engines", "{\"name\": \"orders-db\", \"type\": \"mysql\", "
					+ "\"connection_url\": \"" + Databases.mariadbUrl() + "\", \"username\": \"root\", "
					+ "\"password\": \"\"}")
				.status()).isEqualTo(201);
			assertThat(post("/v1/dynamic/engines/orders-db/roles", "{\"name\": \"readonly\"}").status()).isEqualTo(201);
			JsonNode lease = post("/v1/dynamic/orders-db/creds/readonly", "{}").json();
			String username = lease.path("data").path("username").asString();
			assertThat(Databases.loginFailure(Databases.mariadbUrl(), username,
					lease.path("data").path("password").asString()))
				.isNull();
			assertThat(this.http.delete("/v1/leases/" + lease.path("lease_id").asString(), ROOT).status())
				.isEqualTo(204);
			assertThat(Databases.mariadbUserExists(admin, username)).isFalse();
		}
	}

	private Response post(String path, String body) {
		return this.http.post(path, ROOT, body);
	}

}
