package ai.scailabs.scaivault.boot.autoconfigure.ssl;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import ai.scailabs.scaivault.boot.autoconfigure.ssl.SslTestApplications.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real TLS handshakes against Reactor Netty serving ScaiVault-issued bundles: the scheduler renews
 * a short-lived certificate by itself and the server serves the new one without a restart; mTLS
 * clients built before a renewal present the renewed client certificate.
 */
class ScaiVaultSslNettyIntegrationTests {

	static DevServerPki pki;

	@BeforeAll
	static void startDevServer() {
		pki = DevServerPki.start();
	}

	@AfterAll
	static void stopDevServer() {
		pki.close();
	}

	@Test
	void serveWhenCertificateReachesTwoThirdsOfLifetimeThenServesRenewedCertificate() throws Exception {
		List<String> properties = new ArrayList<>(pki.properties(Duration.ofSeconds(9), "server"));
		properties.add("server.ssl.bundle=server");
		try (ConfigurableApplicationContext context = SslTestApplications.run(Server.NETTY, properties)) {
			TlsProbe probe = new TlsProbe(pki.caCertificatePem(), SslTestApplications.port(context));
			String first = probe.servedSerial();
			ScaiVaultSslBundle bundle = ScaiVaultSslTomcatIntegrationTests.bundle(context, "server");
			String renewed = probe.awaitServedSerialOtherThan(first);
			assertThat(new BigInteger(renewed, 16)).isEqualTo(ScaiVaultSslTomcatIntegrationTests.serial(bundle));
			probe.handshake().verify(ScaiVaultSslTomcatIntegrationTests.ca(pki).getPublicKey());
		}
	}

	@Test
	void mtlsWhenClientBundleRenewedThenClientsBuiltBeforePresentNewCertificate() {
		List<String> properties = new ArrayList<>(pki.properties(Duration.ofHours(1), "server", "client"));
		properties.add("server.ssl.bundle=server");
		properties.add("server.ssl.client-auth=need");
		try (ConfigurableApplicationContext context = SslTestApplications.run(Server.NETTY, properties)) {
			RestClient restClient = ScaiVaultSslTomcatIntegrationTests.restClient(context, "client");
			WebClient webClient = webClient(context, "client");
			ScaiVaultSslBundle bundle = ScaiVaultSslTomcatIntegrationTests.bundle(context, "client");
			BigInteger first = ScaiVaultSslTomcatIntegrationTests.serial(bundle);
			assertThat(new BigInteger(ScaiVaultSslTomcatIntegrationTests.peer(restClient), 16)).isEqualTo(first);
			assertThat(new BigInteger(peer(webClient), 16)).isEqualTo(first);
			context.getBean(CertificateRenewalScheduler.class).renewNow("client");
			BigInteger renewed = TlsProbe.await(() -> ScaiVaultSslTomcatIntegrationTests.serial(bundle),
					(serial) -> !serial.equals(first), "client bundle renewed");
			assertThat(new BigInteger(ScaiVaultSslTomcatIntegrationTests.peer(restClient), 16)).isEqualTo(renewed);
			assertThat(new BigInteger(peer(webClient), 16)).isEqualTo(renewed);
		}
	}

	private static WebClient webClient(ConfigurableApplicationContext context, String bundleName) {
		HttpClientSettings settings = HttpClientSettings
			.ofSslBundle(context.getBean(SslBundles.class).getBundle(bundleName));
		return WebClient.builder()
			.baseUrl("https://localhost:" + SslTestApplications.port(context))
			.clientConnector(ClientHttpConnectorBuilder.reactor().build(settings))
			.build();
	}

	private static String peer(WebClient client) {
		return client.get().uri("/peer").retrieve().bodyToMono(String.class).block(Duration.ofSeconds(30));
	}

}
