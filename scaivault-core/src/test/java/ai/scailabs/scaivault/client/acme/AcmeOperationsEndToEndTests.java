package ai.scailabs.scaivault.client.acme;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ai.scailabs.scaivault.client.DevServerClients;
import ai.scailabs.scaivault.client.ScaiVaultAsyncClient;
import ai.scailabs.scaivault.devserver.ScaiVaultDevServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ACME against the embedded dev server, whose orders become valid once its clock has moved on. The
 * server is started here because {@code @ScaiVaultDevServerTest} cannot set the ACME delay.
 */
class AcmeOperationsEndToEndTests {

	private ScaiVaultDevServer server;

	private ScaiVaultAsyncClient client;

	@BeforeEach
	void setUp() {
		this.server = ScaiVaultDevServer.builder().acmeDelay(Duration.ofHours(1)).start();
		this.client = DevServerClients.builder(this.server).token(this.server.rootToken()).buildAsync();
	}

	@AfterEach
	void tearDown() {
		this.client.close();
		this.server.close();
	}

	@Test
	void orderBecomesValidWithCertificateWhileAwaited() {
		AcmeAccount account = this.client.acme()
			.createAccount("letsencrypt-production", "letsencrypt", AcmeEnvironment.PRODUCTION, "certs@acme.example")
			.orTimeout(1, TimeUnit.MINUTES).join();
		assertThat(account.environment()).isEqualTo(AcmeEnvironment.PRODUCTION);
		AcmeOrder order = this.client.acme()
			.issue(account.id(), List.of("api.acme.example"), ChallengeType.DNS_01, true)
			.orTimeout(1, TimeUnit.MINUTES).join();
		assertThat(order.status()).isEqualTo(AcmeOrderStatus.PENDING);
		CompletableFuture<AcmeOrder> valid = this.client.acme()
			.awaitValid(order.id(), Duration.ofMinutes(1), Duration.ofMillis(10));
		this.server.clock().advance(Duration.ofHours(1));
		AcmeOrder issued = valid.orTimeout(1, TimeUnit.MINUTES).join();
		assertThat(issued.status()).isEqualTo(AcmeOrderStatus.VALID);
		assertThat(issued.certificatePem()).startsWith("-----BEGIN CERTIFICATE-----");
		assertThat(issued.privateKeyPem()).contains("PRIVATE KEY");
		assertThat(issued.toString()).doesNotContain(issued.privateKeyPem());
		assertThat(issued.expiresAt()).isNotNull();
	}

}
