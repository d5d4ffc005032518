package ai.scailabs.scaivault.client.acme;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

import ai.scailabs.scaivault.client.AbstractWireTests;
import ai.scailabs.scaivault.client.ScaiVaultException;
import ai.scailabs.scaivault.client.ValidationException;

import static ai.scailabs.scaivault.client.WireTestSupport.bodyOf;
import static ai.scailabs.scaivault.client.WireTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Wire tests of every ACME call and of polling an order until it is valid (contract section 9,
 * Python guide "ACME").
 */
class AcmeOperationsWireTests extends AbstractWireTests {

	private static final Duration POLL = Duration.ofMillis(1);

	private static final String VALID_ORDER = """
			{"id": "ord_1", "account_id": "acct_1", "domains": ["api.acme.example"], "challenge_type": "dns-01",
			 "auto_renew": true, "status": "valid",
			 "certificate_pem": "-----BEGIN CERTIFICATE-----\\nMIIB\\n-----END CERTIFICATE-----\\n",
			 "private_key_pem": "-----BEGIN PRIVATE KEY-----\\nsupersecretkeymaterial\\n-----END PRIVATE KEY-----\\n",
			 "ca_chain": ["-----BEGIN CERTIFICATE-----\\nMIIC\\n-----END CERTIFICATE-----\\n"],
			 "expires_at": "2027-02-20T12:00:00Z"}
			""";

	@Test
	void createAccountSendsThePythonGuideBody() throws Exception {
		this.server.enqueue(json(201, """
				{"id": "acct_1", "name": "letsencrypt-production", "provider": "letsencrypt",
				 "environment": "production", "email": "certs@acme.example", "created_at": "2026-11-22T12:00:00Z"}
				"""));
		AcmeAccount account = this.client.acme()
			.createAccount("letsencrypt-production", "letsencrypt", AcmeEnvironment.PRODUCTION, "certs@acme.example");
		RecordedRequest request = this.server.takeRequest();
		assertRequest(request, "POST", "/v1/acme/accounts");
		assertThat(bodyOf(request)).isEqualTo(json("""
				{"name": "letsencrypt-production", "provider": "letsencrypt", "environment": "production",
				 "email": "certs@acme.example"}
				"""));
		assertThat(account).isEqualTo(new AcmeAccount("acct_1", "letsencrypt-production", "letsencrypt",
				AcmeEnvironment.PRODUCTION, "certs@acme.example", Instant.parse("2026-11-22T12:00:00Z")));
	}

	@Test
	void issueSendsThePythonGuideBodyAndStartsPending() throws Exception {
		this.server.enqueue(json(201, "{\"id\": \"ord_1\", \"status\": \"pending\", \"domains\": [\"api.acme.example\"]}"));
		AcmeOrder order = this.asyncClient.acme()
			.issue("acct_1", List.of("api.acme.example"), ChallengeType.DNS_01, true)
			.get(1, TimeUnit.MINUTES);
		RecordedRequest request = this.server.takeRequest();
		assertRequest(request, "POST", "/v1/acme/orders");
		assertThat(bodyOf(request)).isEqualTo(json("""
				{"account_id": "acct_1", "domains": ["api.acme.example"], "challenge_type": "dns-01", "auto_renew": true}
				"""));
		assertThat(order.id()).isEqualTo("ord_1");
		assertThat(order.status()).isEqualTo(AcmeOrderStatus.PENDING);
		assertThat(order.certificatePem()).isNull();
	}

	@Test
	void getOrderParsesValidOrderWithCertificate() throws Exception {
		this.server.enqueue(json(200, VALID_ORDER));
		AcmeOrder order = this.client.acme().getOrder("ord_1");
		assertRequest(this.server.takeRequest(), "GET", "/v1/acme/orders/ord_1");
		assertThat(order.status()).isEqualTo(AcmeOrderStatus.VALID);
		assertThat(order.challengeType()).isEqualTo(ChallengeType.DNS_01);
		assertThat(order.autoRenew()).isTrue();
		assertThat(order.certificatePem()).startsWith("-----BEGIN CERTIFICATE-----");
		assertThat(order.privateKeyPem()).contains("supersecretkeymaterial");
		assertThat(order.caChain()).hasSize(1);
		assertThat(order.expiresAt()).isEqualTo(Instant.parse("2027-02-20T12:00:00Z"));
	}

	@Test
	void awaitValidPollsPendingThenProcessingThenValid() throws Exception {
		this.server.enqueue(json(200, "{\"id\": \"ord_1\", \"status\": \"pending\"}"));
		this.server.enqueue(json(200, "{\"id\": \"ord_1\", \"status\": \"processing\"}"));
		this.server.enqueue(json(200, VALID_ORDER));
		AcmeOrder order = this.client.acme().awaitValid("ord_1", Duration.ofMinutes(5), POLL);
		assertThat(order.status()).isEqualTo(AcmeOrderStatus.VALID);
		assertThat(order.certificatePem()).isNotNull();
		assertThat(this.server.getRequestCount()).isEqualTo(3);
		for (int i = 0; i < 3; i++) {
			assertRequest(this.server.takeRequest(), "GET", "/v1/acme/orders/ord_1");
		}
	}

	@Test
	void getOrderWithStatusUnknownToThisClientParsesAsUnknown() throws Exception {
		this.server.enqueue(json(200, "{\"id\": \"ord_1\", \"status\": \"ready\"}"));
		AcmeOrder order = this.client.acme().getOrder("ord_1");
		assertThat(order.id()).isEqualTo("ord_1");
		assertThat(order.status()).isEqualTo(AcmeOrderStatus.UNKNOWN);
	}

	@Test
	void awaitValidKeepsPollingThroughAStatusUnknownToThisClient() throws Exception {
		this.server.enqueue(json(200, "{\"id\": \"ord_1\", \"status\": \"ready\"}"));
		this.server.enqueue(json(200, VALID_ORDER));
		AcmeOrder order = this.client.acme().awaitValid("ord_1", Duration.ofMinutes(5), POLL);
		assertThat(order.status()).isEqualTo(AcmeOrderStatus.VALID);
		assertThat(this.server.getRequestCount()).isEqualTo(2);
	}

	@Test
	void userInputEnumsRejectUnknownValuesWithValidationException() {
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> AcmeOrderStatus.fromValue("ready"))
			.withMessageContaining("ready")
			.withMessageContaining("pending");
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> ChallengeType.fromValue("tls-alpn-01"))
			.withMessageContaining("dns-01");
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> AcmeEnvironment.fromValue("test"))
			.withMessageContaining("staging");
		assertThat(ChallengeType.fromValue("http-01")).isEqualTo(ChallengeType.HTTP_01);
	}

	@Test
	void awaitValidAsyncDoesNotBlockTheCaller() throws Exception {
		this.server.enqueue(json(200, "{\"id\": \"ord_1\", \"status\": \"processing\"}"));
		this.server.enqueue(json(200, VALID_ORDER));
		CompletableFuture<AcmeOrder> future = this.asyncClient.acme()
			.awaitValid("ord_1", Duration.ofMinutes(5), POLL);
		assertThat(future.get().status()).isEqualTo(AcmeOrderStatus.VALID);
		assertThat(this.server.getRequestCount()).isEqualTo(2);
	}

	@Test
	void awaitValidWhenOrderTurnsInvalidFailsWithItsError() {
		this.server.enqueue(json(200, "{\"id\": \"ord_1\", \"status\": \"pending\"}"));
		this.server.enqueue(json(200, """
				{"id": "ord_1", "status": "invalid", "domains": ["api.acme.example"],
				 "error": {"code": "dns_challenge_failed", "message": "No TXT record at _acme-challenge.api.acme.example"}}
				"""));
		assertThatExceptionOfType(ScaiVaultException.class)
			.isThrownBy(() -> this.client.acme().awaitValid("ord_1", Duration.ofMinutes(5), POLL))
			.satisfies((ex) -> {
				assertThat(ex.getCode()).isEqualTo(AsyncAcmeOperations.ORDER_INVALID);
				assertThat(ex.getMessage()).contains("ord_1").contains("No TXT record at _acme-challenge");
				assertThat(ex.getDetails()).containsEntry("order_id", "ord_1").containsEntry("status", "invalid");
			});
		assertThat(this.server.getRequestCount()).isEqualTo(2);
	}

	@Test
	void awaitValidWhenTimeoutPassesFailsWithTimeout() {
		this.server.setDispatcher(new Dispatcher() {
			@Override
			public MockResponse dispatch(RecordedRequest request) {
				return json(200, "{\"id\": \"ord_1\", \"status\": \"processing\"}");
			}
		});
		assertThatExceptionOfType(ScaiVaultException.class)
			.isThrownBy(() -> this.client.acme().awaitValid("ord_1", Duration.ZERO, POLL))
			.satisfies((ex) -> {
				assertThat(ex.getCode()).isEqualTo(ScaiVaultException.TIMEOUT);
				assertThat(ex.getMessage()).contains("ord_1").contains("processing");
			});
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void awaitValidAsyncWhenOrderTurnsInvalidFailsTheFuture() {
		this.server.enqueue(json(200, "{\"id\": \"ord_2\", \"status\": \"invalid\", \"error\": \"rate limited by provider\"}"));
		CompletableFuture<AcmeOrder> future = this.asyncClient.acme().awaitValid("ord_2", Duration.ofMinutes(1), POLL);
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(future::get)
			.havingCause()
			.isInstanceOf(ScaiVaultException.class)
			.withMessageContaining("rate limited by provider");
	}

	@Test
	void acmeOrderToStringNeverShowsThePrivateKey() {
		AcmeOrder order = new AcmeOrder("ord_1", "acct_1", List.of("api.acme.example"), ChallengeType.HTTP_01, false,
				AcmeOrderStatus.VALID, "-----BEGIN CERTIFICATE-----", "-----BEGIN PRIVATE KEY-----verysecret",
				List.of(), Instant.parse("2027-02-20T12:00:00Z"), null);
		assertThat(order.toString()).contains("ord_1")
			.contains("2027-02-20T12:00:00Z")
			.doesNotContain("verysecret")
			.doesNotContain("BEGIN PRIVATE KEY");
		assertThat(ChallengeType.HTTP_01.value()).isEqualTo("http-01");
		assertThat(new AcmeOrder("ord_3", null, null, null, false, AcmeOrderStatus.INVALID, null, null, null, null,
				Map.of("message", "boom")).errorMessage()).isEqualTo("boom");
	}

	static void assertRequest(RecordedRequest request, String method, String target) {
		assertThat(request.getMethod()).isEqualTo(method);
		assertThat(request.getTarget()).isEqualTo(target);
		assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer test-token");
	}

}
