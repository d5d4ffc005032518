package ai.scailabs.scaivault.boot.autoconfigure.ssl;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;

/**
 * Base of the tests that issue from a dev server's PKI: one {@link DevServerPki} per test class,
 * and what they ask of a running application.
 */
abstract class AbstractDevServerPkiTests {

	static DevServerPki pki;

	@BeforeAll
	static void startDevServer() {
		pki = DevServerPki.start();
	}

	@AfterAll
	static void stopDevServer() {
		pki.close();
	}

	static RestClient restClient(ConfigurableApplicationContext context, String bundleName) {
		HttpClientSettings settings = HttpClientSettings
			.ofSslBundle(context.getBean(SslBundles.class).getBundle(bundleName));
		return RestClient.builder()
			.baseUrl("https://localhost:" + SslTestApplications.port(context))
			.requestFactory(ClientHttpRequestFactoryBuilder.jdk().build(settings))
			.build();
	}

	static String peer(RestClient client) {
		return client.get().uri("/peer").retrieve().body(String.class);
	}

	static ScaiVaultSslBundle bundle(ConfigurableApplicationContext context, String name) {
		return context.getBean(ScaiVaultSslBundleRegistrar.class).getBundles().get(name);
	}

	static BigInteger serial(ScaiVaultSslBundle bundle) {
		return bundle.peek().certificate().getSerialNumber();
	}

	static X509Certificate ca() throws Exception {
		return (X509Certificate) CertificateFactory.getInstance("X.509")
			.generateCertificate(new ByteArrayInputStream(pki.caCertificatePem().getBytes(StandardCharsets.US_ASCII)));
	}

}
