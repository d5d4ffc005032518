package ai.scailabs.scaivault.boot.autoconfigure.ssl;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;

import ai.scailabs.scaivault.boot.autoconfigure.ssl.SslTestApplications.Server;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real TLS handshakes against Jetty, for which Spring Boot registers no bundle update handler:
 * {@link JettySslBundleReloader} reloads its connector, so it serves the renewed certificate
 * without a restart, and accepts a renewed client certificate.
 */
class ScaiVaultSslJettyIntegrationTests extends AbstractDevServerPkiTests {


	@Test
	void serveWhenRenewedThenJettyServesNewCertificateWithoutRestart() throws Exception {
		List<String> properties = pki.serverProperties(Duration.ofHours(1), "server");
		try (ConfigurableApplicationContext context = SslTestApplications.run(Server.JETTY, properties)) {
			TlsProbe probe = new TlsProbe(pki.caCertificatePem(), SslTestApplications.port(context));
			String first = probe.servedSerial();
			ScaiVaultSslBundle bundle = bundle(context, "server");
			assertThat(new BigInteger(first, 16)).isEqualTo(serial(bundle));
			context.getBean(CertificateRenewalScheduler.class).renewNow("server");
			String renewed = probe.awaitServedSerialOtherThan(first);
			assertThat(new BigInteger(renewed, 16)).isEqualTo(serial(bundle));
			probe.handshake().verify(ca().getPublicKey());
		}
	}

	@Test
	void mtlsWhenBothBundlesRenewedThenJettyAcceptsRenewedClientCertificate() {
		List<String> properties = pki.serverProperties(Duration.ofHours(1), "server", "client");
		properties.add("server.ssl.client-auth=need");
		try (ConfigurableApplicationContext context = SslTestApplications.run(Server.JETTY, properties)) {
			RestClient client = restClient(context, "client");
			ScaiVaultSslBundle bundle = bundle(context, "client");
			BigInteger first = serial(bundle);
			assertThat(new BigInteger(peer(client), 16)).isEqualTo(first);
			CertificateRenewalScheduler scheduler = context.getBean(CertificateRenewalScheduler.class);
			scheduler.renewNow("server");
			scheduler.renewNow("client");
			BigInteger renewed = TlsProbe.await(() -> serial(bundle),
					(serial) -> !serial.equals(first), "client bundle renewed");
			assertThat(new BigInteger(peer(client), 16)).isEqualTo(renewed);
		}
	}

}
