package ai.scailabs.scaivault.devserver.acme;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import ai.scailabs.scaivault.devserver.DevServerHttp;
import ai.scailabs.scaivault.devserver.ScaiVaultDevServer;
import ai.scailabs.scaivault.devserver.events.Event;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conformance tests of the ACME routes over real HTTP. The order delay is long (10 minutes on the
 * dev clock) so that real time passing during a test never moves an order; tests move the clock.
 */
class AcmeFeatureTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final Duration DELAY = Duration.ofMinutes(10);

	ScaiVaultDevServer server;

	DevServerHttp http;

	final List<Event> events = new CopyOnWriteArrayList<>();

	@BeforeEach
	void start() {
		this.server = ScaiVaultDevServer.builder().acmeDelay(DELAY).start();
		this.server.events().subscribe(this.events::add);
		this.http = new DevServerHttp(this.server);
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void createAccountReturnsCreatedWithId() {
		DevServerHttp.Response response = post("/v1/acme/accounts", Map.of("name", "letsencrypt-production",
				"provider", "letsencrypt", "environment", "production", "email", "certs@acme.example"));
		assertThat(response.status()).isEqualTo(201);
		assertThat(response.json().path("id").asString()).startsWith("acct_");
		assertThat(response.json().path("email").asString()).isEqualTo("certs@acme.example");
		DevServerHttp.Response read = this.http.get("/v1/acme/accounts/" + response.json().path("id").asString(),
				this.server.rootToken());
		assertThat(read.json().path("name").asString()).isEqualTo("letsencrypt-production");
	}

	@Test
	void createAccountWhenEnvironmentIsUnknownReturnsValidationError() {
		DevServerHttp.Response response = post("/v1/acme/accounts", Map.of("name", "x", "provider", "letsencrypt",
				"environment", "testing", "email", "certs@acme.example"));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().path("error").path("details").path("field").asString()).isEqualTo("environment");
	}

	@Test
	void createAccountWhenEmailIsMissingReturnsValidationError() {
		DevServerHttp.Response response = post("/v1/acme/accounts", Map.of("name", "x"));
		assertThat(response.errorCode()).isEqualTo("validation_error");
		assertThat(response.json().path("error").path("details").path("field").asString()).isEqualTo("email");
	}

	@Test
	void createAccountWithoutPolicyReturnsAccessDenied() {
		DevServerHttp.Response response = this.http.post("/v1/acme/accounts", this.server.issueToken("sa:nobody"),
				body(Map.of("name", "x", "email", "certs@acme.example")));
		assertThat(response.status()).isEqualTo(403);
	}

	@Test
	void getAccountWhenMissingReturnsNotFound() {
		assertThat(this.http.get("/v1/acme/accounts/acct_missing", this.server.rootToken()).errorCode())
			.isEqualTo("not_found");
	}

	@Test
	void orderProgressesFromPendingThroughProcessingToValidOnDevClock() throws Exception {
		String accountId = account();
		DevServerHttp.Response created = post("/v1/acme/orders", Map.of("account_id", accountId, "domains",
				List.of("api.acme.example", "www.acme.example"), "challenge_type", "dns-01", "auto_renew", false));
		assertThat(created.status()).isEqualTo(201);
		String id = created.json().path("id").asString();
		assertThat(id).startsWith("ord_");
		assertThat(created.json().path("status").asString()).isEqualTo("pending");
		assertThat(order(id).path("status").asString()).isEqualTo("pending");
		assertThat(order(id).has("certificate_pem")).isFalse();
		this.server.clock().advance(DELAY.dividedBy(2));
		assertThat(order(id).path("status").asString()).isEqualTo("processing");
		this.server.clock().advance(DELAY.dividedBy(2));
		JsonNode valid = order(id);
		assertThat(valid.path("status").asString()).isEqualTo("valid");
		assertThat(valid.path("private_key_pem").asString()).startsWith("-----BEGIN PRIVATE KEY-----");
		assertThat(valid.path("expires_at").asString()).isNotEmpty();
		X509Certificate certificate = certificate(valid.path("certificate_pem").asString());
		List<Object> names = new ArrayList<>();
		certificate.getSubjectAlternativeNames().forEach((name) -> names.add(name.get(1)));
		assertThat(names).containsExactly("api.acme.example", "www.acme.example");
		List<String> chain = valid.path("ca_chain").valueStream().map(JsonNode::asString).toList();
		assertThat(chain).hasSize(1);
		PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(certificate(chain.get(0)), null)));
		parameters.setRevocationEnabled(false);
		parameters.setDate(java.util.Date.from(this.server.clock().now()));
		CertPathValidator.getInstance("PKIX")
			.validate(CertificateFactory.getInstance("X.509").generateCertPath(List.of(certificate)), parameters);
		assertThat(this.events).filteredOn((event) -> event.type().equals("certificate.issued"))
			.singleElement()
			.satisfies((event) -> {
				assertThat(event.path()).isEqualTo("acme/orders/" + id);
				assertThat(event.data()).containsEntry("renewal", false);
				assertThat(event.toString()).doesNotContain("PRIVATE KEY");
			});
	}

	@Test
	void orderWithAutoRenewIsRenewedAtTwoThirdsOfLifetimeAndEmitsCertificateIssued() {
		String id = post("/v1/acme/orders", Map.of("account_id", account(), "domains", List.of("renew.acme.example"),
				"challenge_type", "http-01", "auto_renew", true))
			.json()
			.path("id")
			.asString();
		this.server.clock().advance(DELAY);
		JsonNode first = order(id);
		assertThat(first.path("status").asString()).isEqualTo("valid");
		this.events.clear();
		this.server.clock().advance(Duration.ofDays(59));
		assertThat(this.events).noneMatch((event) -> event.type().equals("certificate.issued"));
		this.server.clock().advance(Duration.ofDays(2));
		assertThat(this.events).filteredOn((event) -> event.type().equals("certificate.issued"))
			.singleElement()
			.satisfies((event) -> assertThat(event.data()).containsEntry("renewal", true));
		JsonNode renewed = order(id);
		assertThat(renewed.path("serial_number").asString()).isNotEqualTo(first.path("serial_number").asString());
		assertThat(renewed.path("renewals").asInt()).isEqualTo(1);
		assertThat(renewed.path("private_key_pem").asString()).isNotEqualTo(first.path("private_key_pem").asString());
	}

	@Test
	void orderWithoutAutoRenewEmitsCertificateExpiringOnce() {
		String id = post("/v1/acme/orders",
				Map.of("account_id", account(), "domains", List.of("manual.acme.example"), "challenge_type", "dns-01"))
			.json()
			.path("id")
			.asString();
		this.server.clock().advance(DELAY);
		String serial = order(id).path("serial_number").asString();
		this.server.clock().advance(Duration.ofDays(61));
		this.server.clock().advance(Duration.ofDays(1));
		assertThat(this.events).filteredOn((event) -> event.type().equals("certificate.expiring"))
			.singleElement()
			.satisfies((event) -> assertThat(event.data()).containsEntry("serial_number", serial));
		assertThat(order(id).path("serial_number").asString()).isEqualTo(serial);
	}

	@Test
	void orderForReservedInvalidDomainBecomesInvalidWithError() {
		String id = post("/v1/acme/orders",
				Map.of("account_id", account(), "domains", List.of("broken.invalid"), "challenge_type", "dns-01"))
			.json()
			.path("id")
			.asString();
		this.server.clock().advance(DELAY);
		JsonNode order = order(id);
		assertThat(order.path("status").asString()).isEqualTo("invalid");
		assertThat(order.path("error").asString()).contains("broken.invalid");
		assertThat(order.has("certificate_pem")).isFalse();
	}

	@Test
	void orderWhenAccountIsUnknownReturnsNotFound() {
		DevServerHttp.Response response = post("/v1/acme/orders",
				Map.of("account_id", "acct_missing", "domains", List.of("a.acme.example")));
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.errorCode()).isEqualTo("not_found");
	}

	@Test
	void orderWhenChallengeTypeIsUnknownReturnsValidationError() {
		DevServerHttp.Response response = post("/v1/acme/orders", Map.of("account_id", account(), "domains",
				List.of("a.acme.example"), "challenge_type", "tls-alpn-01"));
		assertThat(response.errorCode()).isEqualTo("validation_error");
		assertThat(response.json().path("error").path("details").path("field").asString())
			.isEqualTo("challenge_type");
	}

	@Test
	void orderWhenWildcardUsesHttpChallengeReturnsValidationError() {
		DevServerHttp.Response response = post("/v1/acme/orders", Map.of("account_id", account(), "domains",
				List.of("*.acme.example"), "challenge_type", "http-01"));
		assertThat(response.errorCode()).isEqualTo("validation_error");
		assertThat(response.json().path("error").path("details").path("field").asString()).isEqualTo("domains");
	}

	@Test
	void orderWhenDomainsAreEmptyReturnsValidationError() {
		DevServerHttp.Response response = post("/v1/acme/orders",
				Map.of("account_id", account(), "domains", List.of()));
		assertThat(response.errorCode()).isEqualTo("validation_error");
	}

	@Test
	void getOrderWhenMissingReturnsNotFound() {
		assertThat(this.http.get("/v1/acme/orders/ord_missing", this.server.rootToken()).status()).isEqualTo(404);
	}

	@Test
	void defaultDelayIsShortAndOrdersStartPending() {
		try (ScaiVaultDevServer defaults = ScaiVaultDevServer.builder().start()) {
			DevServerHttp defaultsHttp = new DevServerHttp(defaults);
			String accountId = defaultsHttp
				.post("/v1/acme/accounts", defaults.rootToken(), body(Map.of("name", "a", "email", "a@acme.example")))
				.json()
				.path("id")
				.asString();
			DevServerHttp.Response created = defaultsHttp.post("/v1/acme/orders", defaults.rootToken(),
					body(Map.of("account_id", accountId, "domains", List.of("quick.acme.example"))));
			assertThat(created.json().path("status").asString()).isEqualTo("pending");
			defaults.clock().advance(AcmeService.DEFAULT_DELAY);
			assertThat(defaultsHttp.get("/v1/acme/orders/" + created.json().path("id").asString(), defaults.rootToken())
				.json()
				.path("status")
				.asString()).isEqualTo("valid");
		}
	}

	@Test
	void getOrderByTheIdentityThatPlacedItReturnsTheOrder() {
		policy("orderer", "acme/orders", "\"write\"", "sa:orderer");
		String token = this.server.issueToken("sa:orderer");
		DevServerHttp.Response created = this.http.post("/v1/acme/orders", token,
				body(Map.of("account_id", account(), "domains", List.of("own.acme.example"))));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		String id = created.json().path("id").asString();
		assertThat(this.http.get("/v1/acme/orders/" + id, token).status()).isEqualTo(200);
	}

	@Test
	void getOrderWithReadOnAnotherOrderOnlyReturnsAccessDenied() {
		String mine = post("/v1/acme/orders", Map.of("account_id", account(), "domains", List.of("a.acme.example")))
			.json()
			.path("id")
			.asString();
		String other = post("/v1/acme/orders", Map.of("account_id", account(), "domains", List.of("b.acme.example")))
			.json()
			.path("id")
			.asString();
		policy("one-order", "acme/orders/" + other, "\"read\"", "sa:reader");
		String token = this.server.issueToken("sa:reader");
		this.server.clock().advance(DELAY.plusSeconds(1));
		assertThat(this.http.get("/v1/acme/orders/" + other, token).status()).isEqualTo(200);
		DevServerHttp.Response denied = this.http.get("/v1/acme/orders/" + mine, token);
		assertThat(denied.status()).isEqualTo(403);
		assertThat(denied.body()).doesNotContain("PRIVATE KEY");
	}

	@Test
	void getOrderWithReadOnTheOrdersCollectionOnlyReturnsAccessDenied() {
		String id = post("/v1/acme/orders", Map.of("account_id", account(), "domains", List.of("c.acme.example")))
			.json()
			.path("id")
			.asString();
		policy("collection", "acme/orders", "\"read\", \"write\"", "sa:collection");
		assertThat(this.http.get("/v1/acme/orders/" + id, this.server.issueToken("sa:collection")).status())
			.isEqualTo(403);
	}

	@Test
	void getOrderWithReadOnEveryOrderReturnsTheOrder() {
		String id = post("/v1/acme/orders", Map.of("account_id", account(), "domains", List.of("d.acme.example")))
			.json()
			.path("id")
			.asString();
		policy("all-orders", "acme/orders/**", "\"read\"", "sa:operator");
		assertThat(this.http.get("/v1/acme/orders/" + id, this.server.issueToken("sa:operator")).status())
			.isEqualTo(200);
	}

	private void policy(String name, String pattern, String permissions, String identityId) {
		DevServerHttp.Response created = this.http.post("/v1/policies", this.server.rootToken(),
				"{\"name\": \"" + name + "\", \"rules\": [{\"path_pattern\": \"" + pattern
						+ "\", \"permissions\": [" + permissions + "]}]}");
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		DevServerHttp.Response bound = this.http.post("/v1/policies/" + created.json().path("id").asString()
				+ "/bindings", this.server.rootToken(),
				"{\"identity_type\": \"service_account\", \"identity_id\": \"" + identityId + "\"}");
		assertThat(bound.status()).as(bound.toString()).isEqualTo(201);
	}

	private String account() {
		return post("/v1/acme/accounts", Map.of("name", "le", "provider", "letsencrypt", "environment", "staging",
				"email", "certs@acme.example"))
			.json()
			.path("id")
			.asString();
	}

	private JsonNode order(String id) {
		DevServerHttp.Response response = this.http.get("/v1/acme/orders/" + id, this.server.rootToken());
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json();
	}

	private DevServerHttp.Response post(String path, Map<String, ?> fields) {
		return this.http.post(path, this.server.rootToken(), body(fields));
	}

	private static String body(Map<String, ?> fields) {
		return json.writeValueAsString(fields);
	}

	private static X509Certificate certificate(String pem) throws Exception {
		return (X509Certificate) CertificateFactory.getInstance("X.509")
			.generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
	}

}
