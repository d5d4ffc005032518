package ai.scailabs.scaivault.boot.autoconfigure.ssl;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;

import ai.scailabs.scaivault.boot.autoconfigure.ssl.SslTestApplications.Server;
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
class ScaiVaultSslNettyIntegrationTests extends AbstractDevServerPkiTests {


	@Test
	void serveWhenCertificateReachesTwoThirdsOfLifetimeThenServesRenewedCertificate() throws Exception {
		List<String> properties = pki.serverProperties(Duration.ofSeconds(9), "server");
		try (ConfigurableApplicationContext context = SslTestApplications.run(Server.NETTY, properties)) {
			TlsProbe probe = new TlsProbe(pki.caCertificatePem(), SslTestApplications.port(context));
			String first = probe.servedSerial();
			ScaiVaultSslBundle bundle = bundle(context, "server");
			String renewed = probe.awaitServedSerialOtherThan(first);
			assertThat(new BigInteger(renewed, 16)).isEqualTo(serial(bundle));
			probe.handshake().verify(ca().getPublicKey());
		}
	}

	@Test
	void mtlsWhenClientBundleRenewedThenClientsBuiltBeforePresentNewCertificate() {
		List<String> properties = pki.serverProperties(Duration.ofHours(1), "server", "client");
		properties.add("server.ssl.client-auth=need");
		try (ConfigurableApplicationContext context = SslTestApplications.run(Server.NETTY, properties)) {
			RestClient restClient = restClient(context, "client");
			WebClient webClient = webClient(context, "client");
			ScaiVaultSslBundle bundle = bundle(context, "client");
			BigInteger first = serial(bundle);
			assertThat(new BigInteger(peer(restClient), 16)).isEqualTo(first);
			assertThat(new BigInteger(peer(webClient), 16)).isEqualTo(first);
			context.getBean(CertificateRenewalScheduler.class).renewNow("client");
			BigInteger renewed = TlsProbe.await(() -> serial(bundle),
					(serial) -> !serial.equals(first), "client bundle renewed");
			assertThat(new BigInteger(peer(restClient), 16)).isEqualTo(renewed);
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
