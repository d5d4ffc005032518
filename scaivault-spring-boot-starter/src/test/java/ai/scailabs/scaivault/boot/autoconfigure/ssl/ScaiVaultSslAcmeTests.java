package ai.scailabs.scaivault.boot.autoconfigure.ssl;

import ai.scailabs.scaivault.boot.autoconfigure.ScaiVaultAutoConfiguration;
import ai.scailabs.scaivault.client.acme.AcmeEnvironment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ACME-backed bundles against the dev server, whose orders become valid two seconds after they
 * are placed, or {@code invalid} for a domain under {@code .invalid}.
 */
class ScaiVaultSslAcmeTests extends AbstractDevServerPkiTests {


	private static String accountId;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, ScaiVaultAutoConfiguration.class,
				ScaiVaultSslAutoConfiguration.class))
		.withPropertyValues("scaivault.base-url=" + pki.server().baseUrl(),
				"scaivault.token=" + pki.server().rootToken());

	@BeforeAll
	static void createAccount() {
		accountId = pki.client()
			.acme()
			.createAccount("letsencrypt", "letsencrypt", AcmeEnvironment.STAGING, "certs@example.com")
			.id();
	}

	@Test
	void configureWhenAcmeBundleThenOrdersWaitsForValidAndRegisters() {
		this.runner
			.withPropertyValues("scaivault.ssl.bundle.web.acme.account-id=" + accountId,
					"scaivault.ssl.bundle.web.acme.domains=api.example.com,www.example.com",
					"scaivault.ssl.bundle.web.acme.challenge-type=http-01")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				ScaiVaultSslBundle bundle = context.getBean(ScaiVaultSslBundleRegistrar.class).getBundles().get("web");
				CertificateMaterial material = bundle.peek();
				assertThat(material).isNotNull();
				assertThat(material.certificate().getSubjectAlternativeNames()).extracting((name) -> (Object) name.get(1))
					.contains((Object) "api.example.com", (Object) "www.example.com");
				assertThat(material.hasSerialNumber(material.certificate().getSerialNumber().toString(16))).isTrue();
				assertThat(context.getBean(SslBundles.class).getBundle("web").createSslContext()).isNotNull();
			});
	}

	@Test
	void configureWhenAcmeOrderIsInvalidThenFailureAnalysisSaysWhatToDo() {
		this.runner
			.withPropertyValues("scaivault.ssl.bundle.web.acme.account-id=" + accountId,
					"scaivault.ssl.bundle.web.acme.domains=api.example.invalid")
			.run((context) -> {
				FailureAnalysis analysis = ScaiVaultSslAutoConfigurationTests.analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("SSL bundle 'web'")
					.contains("is invalid")
					.contains("api.example.invalid");
				assertThat(analysis.getAction()).contains("Make the dns-01 challenge pass")
					.contains("scaivault.ssl.bundle.web.acme.domains");
			});
	}

	@Test
	void configureWhenAcmeAccountIsMissingThenFailsSayingWhichProperty() {
		this.runner.withPropertyValues("scaivault.ssl.bundle.web.acme.domains=api.example.com").run((context) -> {
			FailureAnalysis analysis = ScaiVaultSslAutoConfigurationTests.analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("scaivault.ssl.bundle.web.acme.account-id");
		});
	}

}
