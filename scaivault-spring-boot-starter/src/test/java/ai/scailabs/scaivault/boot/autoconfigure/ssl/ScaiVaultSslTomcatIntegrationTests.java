package ai.scailabs.scaivault.boot.autoconfigure.ssl;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ai.scailabs.scaivault.boot.autoconfigure.ssl.SslTestApplications.Server;
import ai.scailabs.scaivault.client.subscriptions.EventTypes;
import ai.scailabs.scaivault.client.subscriptions.WebhookEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Real TLS handshakes against Tomcat serving a ScaiVault-issued bundle: the served certificate
 * chains to the dev server's CA and changes on renewal without a restart; an mTLS client
 * certificate is renewed and presented by a {@link RestClient} built before the renewal.
 */
@ExtendWith(OutputCaptureExtension.class)
class ScaiVaultSslTomcatIntegrationTests extends AbstractDevServerPkiTests {


	@Test
	void serveWhenRenewedThenServesNewCertificateWithoutRestart() throws Exception {
		List<String> properties = pki.serverProperties(Duration.ofHours(1), "server");
		try (ConfigurableApplicationContext context = SslTestApplications.run(Server.TOMCAT, properties)) {
			TlsProbe probe = new TlsProbe(pki.caCertificatePem(), SslTestApplications.port(context));
			X509Certificate served = probe.handshake();
			served.verify(ca().getPublicKey());
			ScaiVaultSslBundle bundle = bundle(context, "server");
			assertThat(served.getSerialNumber()).isEqualTo(serial(bundle));
			context.getBean(CertificateRenewalScheduler.class).renewNow("server");
			String renewed = probe.awaitServedSerialOtherThan(served.getSerialNumber().toString(16));
			assertThat(new BigInteger(renewed, 16)).isEqualTo(serial(bundle));
			probe.handshake().verify(ca().getPublicKey());
		}
	}

	@Test
	void serveWhenCertificateExpiringEventArrivesThenRenewsAtOnce() throws Exception {
		List<String> properties = pki.serverProperties(Duration.ofHours(1), "server");
		try (ConfigurableApplicationContext context = SslTestApplications.run(Server.TOMCAT, properties)) {
			TlsProbe probe = new TlsProbe(pki.caCertificatePem(), SslTestApplications.port(context));
			String first = probe.servedSerial();
			ScaiVaultSslBundle bundle = bundle(context, "server");
			context.publishEvent(new WebhookEvent("evt_1", EventTypes.CERTIFICATE_EXPIRING,
					"pki/certificates/" + bundle.getSerialNumber(), null, null, Instant.now(),
					Map.of("serial_number", bundle.getSerialNumber())));
			assertThat(new BigInteger(probe.awaitServedSerialOtherThan(first), 16)).isEqualTo(serial(bundle));
		}
	}

	@Test
	void mtlsWhenClientBundleRenewedThenRestClientBuiltBeforePresentsNewCertificate() {
		List<String> properties = pki.serverProperties(Duration.ofHours(1), "server", "client");
		properties.add("server.ssl.client-auth=need");
		try (ConfigurableApplicationContext context = SslTestApplications.run(Server.TOMCAT, properties)) {
			RestClient client = restClient(context, "client");
			ScaiVaultSslBundle bundle = bundle(context, "client");
			String first = bundle.getSerialNumber();
			assertThat(new BigInteger(peer(client), 16)).isEqualTo(new BigInteger(first, 16));
			context.getBean(CertificateRenewalScheduler.class).renewNow("client");
			TlsProbe.await(bundle::getSerialNumber, (serial) -> !serial.equals(first), "client bundle renewed");
			assertThat(new BigInteger(peer(client), 16)).isEqualTo(serial(bundle)).isNotEqualTo(new BigInteger(first, 16));
		}
	}

	@Test
	void startWhenServerSslBundleIsUnknownThenFailureAnalysisListsTheScaiVaultBundles(CapturedOutput output) {
		List<String> properties = new ArrayList<>(pki.properties(Duration.ofHours(1), "server"));
		properties.add("server.ssl.bundle=sever");
		Throwable failure = catchThrowable(() -> SslTestApplications.run(Server.TOMCAT, properties).close());
		// Spring Boot's own report, through the analyzer registered in spring.factories
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("server.ssl.bundle names the SSL bundle 'sever', which does not exist");
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("test", Map.of("server.ssl.bundle", "sever",
					"scaivault.ssl.bundle.server.pki.role", DevServerPki.ROLE)));
		FailureAnalysis analysis = new NoSuchSslBundleFailureAnalyzer(environment).analyze(failure);
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription())
			.isEqualTo("server.ssl.bundle names the SSL bundle 'sever', which does not exist. "
					+ "ScaiVault SSL bundles configured: [server].");
		assertThat(analysis.getAction()).contains("scaivault.ssl.bundle.sever.pki.role");
	}

}
