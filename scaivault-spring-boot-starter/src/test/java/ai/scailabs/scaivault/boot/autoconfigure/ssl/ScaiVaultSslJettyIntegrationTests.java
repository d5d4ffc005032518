package ai.scailabs.scaivault.boot.autoconfigure.ssl;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import ai.scailabs.scaivault.boot.autoconfigure.ssl.SslTestApplications.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real TLS handshakes against Jetty, for which Spring Boot registers no bundle update handler:
 * {@link JettySslBundleReloader} reloads its connector, so it serves the renewed certificate
 * without a restart, and accepts a renewed client certificate.
 */
class ScaiVaultSslJettyIntegrationTests {

	private static DevServerPki pki;

	@BeforeAll
	static void startDevServer() {
		pki = DevServerPki.start();
	}

	@AfterAll
	static void stopDevServer() {
		pki.close();
	}

	@Test
	void serveWhenRenewedThenJettyServesNewCertificateWithoutRestart() throws Exception {
		List<String> properties = new ArrayList<>(pki.properties(Duration.ofHours(1), "server"));
		properties.add("server.ssl.bundle=server");
		try (ConfigurableApplicationContext context = SslTestApplications.run(Server.JETTY, properties)) {
			TlsProbe probe = new TlsProbe(pki.caCertificatePem(), SslTestApplications.port(context));
			String first = probe.servedSerial();
			ScaiVaultSslBundle bundle = ScaiVaultSslTomcatIntegrationTests.bundle(context, "server");
			assertThat(new BigInteger(first, 16)).isEqualTo(ScaiVaultSslTomcatIntegrationTests.serial(bundle));
			context.getBean(CertificateRenewalScheduler.class).renewNow("server");
			String renewed = probe.awaitServedSerialOtherThan(first);
			assertThat(new BigInteger(renewed, 16)).isEqualTo(ScaiVaultSslTomcatIntegrationTests.serial(bundle));
			probe.handshake().verify(ScaiVaultSslTomcatIntegrationTests.ca(pki).getPublicKey());
		}
	}

	@Test
	void mtlsWhenBothBundlesRenewedThenJettyAcceptsRenewedClientCertificate() {
		List<String> properties = new ArrayList<>(pki.properties(Duration.ofHours(1), "server", "client"));
		properties.add("server.ssl.bundle=server");
		properties.add("server.ssl.client-auth=need");
		try (ConfigurableApplicationContext context = SslTestApplications.run(Server.JETTY, properties)) {
			RestClient client = ScaiVaultSslTomcatIntegrationTests.restClient(context, "client");
			ScaiVaultSslBundle bundle = ScaiVaultSslTomcatIntegrationTests.bundle(context, "client");
			BigInteger first = ScaiVaultSslTomcatIntegrationTests.serial(bundle);
			assertThat(new BigInteger(ScaiVaultSslTomcatIntegrationTests.peer(client), 16)).isEqualTo(first);
			CertificateRenewalScheduler scheduler = context.getBean(CertificateRenewalScheduler.class);
			scheduler.renewNow("server");
			scheduler.renewNow("client");
			BigInteger renewed = TlsProbe.await(() -> ScaiVaultSslTomcatIntegrationTests.serial(bundle),
					(serial) -> !serial.equals(first), "client bundle renewed");
			assertThat(new BigInteger(ScaiVaultSslTomcatIntegrationTests.peer(client), 16)).isEqualTo(renewed);
		}
	}

}
