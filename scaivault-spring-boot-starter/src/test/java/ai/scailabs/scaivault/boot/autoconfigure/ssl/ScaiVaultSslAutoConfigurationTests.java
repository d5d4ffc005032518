package ai.scailabs.scaivault.boot.autoconfigure.ssl;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import ai.scailabs.scaivault.boot.autoconfigure.ScaiVaultAutoConfiguration;
import ai.scailabs.scaivault.devserver.faults.Fault;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ScaiVaultSslAutoConfiguration} against the dev server's PKI: every branch of the
 * configuration, the bad ones with the message that says what to fix.
 */
@ExtendWith(OutputCaptureExtension.class)
class ScaiVaultSslAutoConfigurationTests extends AbstractDevServerPkiTests {


	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(AutoConfigurations
		.of(SslAutoConfiguration.class, ScaiVaultAutoConfiguration.class, ScaiVaultSslAutoConfiguration.class));

	private ApplicationContextRunner withBundles(Duration ttl, String... bundles) {
		return this.runner.withPropertyValues(pki.properties(ttl, bundles).toArray(String[]::new));
	}

	private ApplicationContextRunner connected(String... properties) {
		List<String> all = new ArrayList<>(pki.properties(Duration.ofHours(1)));
		all.addAll(List.of(properties));
		return this.runner.withPropertyValues(all.toArray(String[]::new));
	}

	@Test
	void configureWhenNoBundleIsSetThenBacksOff() {
		connected().run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(ScaiVaultSslBundleRegistrar.class)
			.doesNotHaveBean(CertificateRenewalScheduler.class));
	}

	@Test
	void configureWhenNoScaiVaultIsConfiguredThenBacksOff() {
		this.runner.withPropertyValues("scaivault.ssl.bundle.server.pki.role=svc")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(ScaiVaultSslBundleRegistrar.class));
	}

	@Test
	void configureWhenPkiBundleThenRegistersIssuedBundleWithHealthGaugeAndEvent(CapturedOutput output) {
		withBundles(Duration.ofHours(1), "server").withUserConfiguration(RecordedEvents.class).run((context) -> {
			assertThat(context).hasNotFailed();
			ScaiVaultSslBundle bundle = context.getBean(ScaiVaultSslBundleRegistrar.class).getBundles().get("server");
			assertThat(context.getBean(SslBundles.class).getBundle("server").getStores().getKeyStore().size())
				.isOne();
			CertificateMaterial material = bundle.peek();
			assertThat(material).isNotNull();
			assertThat(material.certificate().getSubjectX500Principal().getName()).contains("CN=localhost");
			assertThat(material.trust()).isNotEmpty();
			assertThat(Duration.between(material.notBefore(), material.notAfter())).isEqualTo(Duration.ofHours(1));
			assertThat(context.getBean(RecordedEvents.class).events).singleElement()
				.isEqualTo(new CertificateIssuedEvent("server", material.serialNumber(), material.notBefore(),
						material.notAfter()));
			Health health = context.getBean(ScaiVaultSslHealthIndicator.class).health(true);
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsKey("server");
			SimpleMeterRegistry registry = new SimpleMeterRegistry();
			context.getBean(ScaiVaultSslMetrics.class).bindTo(registry);
			double seconds = registry.get(ScaiVaultSslMetrics.EXPIRY).tag("bundle", "server").timeGauge().value();
			assertThat(seconds).isBetween(1.0, 3600.0);
			String key = Base64.getEncoder().encodeToString(material.privateKey().getEncoded());
			assertThat(List.of(bundle.toString(), material.toString(), health.toString(),
					context.getBean(RecordedEvents.class).events.toString(), output.toString()))
				.noneMatch((text) -> text.contains("PRIVATE KEY") || text.contains(key.substring(0, 40)));
		});
	}

	@Test
	void configureWhenClientTrustsNoBundleThenIssuesAsTheBundleIsRegistered() {
		// the client no longer looks the registry up, so the registrar can take it while the
		// registry is being built: the certificate exists before anything reads the bundle
		withBundles(Duration.ofHours(1), "server").withUserConfiguration(IssuedAtRegistration.class)
			.withUserConfiguration(RecordedEvents.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(IssuedAtRegistration.class).serialNumbers).singleElement()
					.isEqualTo(bundle(context, "server").getSerialNumber());
				assertThat(context.getBean(RecordedEvents.class).of(CertificateIssuedEvent.class)).hasSize(1);
			});
	}

	@Test
	void configureWhenClientTrustsBundleOfItsOwnThenIssuesOnceTheClientExists() {
		connected("scaivault.ssl.bundle=scaivault-ca",
				"spring.ssl.bundle.pem.scaivault-ca.truststore.certificate=" + pki.caCertificatePem(),
				"scaivault.ssl.bundle.server.pki.role=" + DevServerPki.ROLE,
				"scaivault.ssl.bundle.server.pki.common-name=localhost")
			.withUserConfiguration(IssuedAtRegistration.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(IssuedAtRegistration.class).serialNumbers).singleElement().isNull();
				assertThat(bundle(context, "server").peek()).isNotNull();
			});
	}

	@Test
	void configureWhenClientTrustsBundleThatScaiVaultIssuesThenFailsSayingNameAnother() {
		withBundles(Duration.ofHours(1), "server").withPropertyValues("scaivault.ssl.bundle=server")
			.run((context) -> {
				FailureAnalysis analysis = analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("scaivault.ssl.bundle names the SSL bundle 'server'")
					.contains("which ScaiVault issues");
				assertThat(analysis.getAction()).contains("remove scaivault.ssl.bundle");
			});
	}

	@Test
	void healthWhenLessThanHalfTheRenewalWindowIsLeftThenDown() {
		withBundles(Duration.ofHours(3), "server").run((context) -> {
			ScaiVaultSslBundle bundle = context.getBean(ScaiVaultSslBundleRegistrar.class).getBundles().get("server");
			CertificateMaterial material = bundle.peek();
			Clock inRenewalWindow = Clock.fixed(material.notAfter().minus(Duration.ofMinutes(40)), ZoneOffset.UTC);
			Clock nearExpiry = Clock.fixed(material.notAfter().minus(Duration.ofMinutes(20)), ZoneOffset.UTC);
			assertThat(new ScaiVaultSslHealthIndicator(context.getBean(ScaiVaultSslBundleRegistrar.class).getBundles(),
					inRenewalWindow)
				.health(true)
				.getStatus()).isEqualTo(Status.UP);
			assertThat(new ScaiVaultSslHealthIndicator(context.getBean(ScaiVaultSslBundleRegistrar.class).getBundles(),
					nearExpiry)
				.health(true)
				.getStatus()).isEqualTo(Status.DOWN);
		});
	}

	@Test
	void renewWhenIssueFailsThenKeepsCertificateAndRetries() {
		withBundles(Duration.ofHours(1), "server").withUserConfiguration(RecordedEvents.class).run((context) -> {
			ScaiVaultSslBundle bundle = context.getBean(ScaiVaultSslBundleRegistrar.class).getBundles().get("server");
			String first = bundle.getSerialNumber();
			RecordedEvents events = context.getBean(RecordedEvents.class);
			pki.server().faults().add(Fault.unavailable().forPath("/v1/pki/issue"));
			try {
				context.getBean(CertificateRenewalScheduler.class).renewNow("server");
				CertificateRenewalFailedEvent failed = TlsProbe.await(
						() -> events.of(CertificateRenewalFailedEvent.class), (list) -> !list.isEmpty(),
						"renewal failed event")
					.get(0);
				assertThat(failed.serialNumber()).isEqualTo(first);
				assertThat(failed.retryAt()).isAfter(failed.notAfter().minus(Duration.ofHours(1)));
				assertThat(bundle.getSerialNumber()).isEqualTo(first);
			}
			finally {
				pki.server().faults().clear();
			}
			CertificateRenewedEvent renewed = TlsProbe
				.await(() -> events.of(CertificateRenewedEvent.class), (list) -> !list.isEmpty(), "retried renewal")
				.get(0);
			assertThat(renewed.previousSerialNumber()).isEqualTo(first);
			assertThat(bundle.getSerialNumber()).isEqualTo(renewed.serialNumber()).isNotEqualTo(first);
		});
	}

	@Test
	void renewWhenCertificateIsRevokedThenRenewsAtOnce() {
		withBundles(Duration.ofHours(1), "server").withPropertyValues("scaivault.ssl.revocation-check-interval=100ms")
			.run((context) -> {
				ScaiVaultSslBundle bundle = context.getBean(ScaiVaultSslBundleRegistrar.class)
					.getBundles()
					.get("server");
				String first = bundle.getSerialNumber();
				pki.client().pki().revoke(first, "key_compromise");
				TlsProbe.await(bundle::getSerialNumber, (serial) -> !serial.equals(first), "revoked renewed");
			});
	}

	@Test
	void configureWhenRoleIsMissingThenFailsSayingWhichProperty() {
		connected("scaivault.ssl.bundle.server.pki.common-name=localhost").run((context) -> {
			FailureAnalysis analysis = analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("scaivault.ssl.bundle.server.pki.role");
			assertThat(analysis.getAction()).contains("Set scaivault.ssl.bundle.server.pki.role");
		});
	}

	@Test
	void configureWhenBothPkiAndAcmeThenFailsSayingKeepOne() {
		connected("scaivault.ssl.bundle.server.pki.role=svc", "scaivault.ssl.bundle.server.pki.common-name=localhost",
				"scaivault.ssl.bundle.server.acme.account-id=acme_1", "scaivault.ssl.bundle.server.acme.domains=a.example")
			.run((context) -> {
				FailureAnalysis analysis = analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("sets both scaivault.ssl.bundle.server.pki.*")
					.contains("scaivault.ssl.bundle.server.acme.*");
				assertThat(analysis.getAction()).startsWith("Keep one");
			});
	}

	@Test
	void configureWhenNeitherPkiNorAcmeThenFailsSayingWhatToSet() {
		connected("scaivault.ssl.bundle.server.renew-before=1h").run((context) -> {
			FailureAnalysis analysis = analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("sets neither");
			assertThat(analysis.getAction()).contains("scaivault.ssl.bundle.server.pki.role")
				.contains("scaivault.ssl.bundle.server.acme.account-id");
		});
	}

	@Test
	void configureWhenRoleIsUnknownThenFailsSayingCreateTheRole() {
		connected("scaivault.ssl.bundle.server.pki.role=no-such-role",
				"scaivault.ssl.bundle.server.pki.common-name=localhost")
			.run((context) -> {
				FailureAnalysis analysis = analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("no PKI role 'no-such-role'");
				assertThat(analysis.getAction()).contains("Create the role");
			});
	}

	@Test
	void configureWhenNameIsOutsideTheRoleThenFailsSayingWhatTheRoleAllows() {
		connected("scaivault.ssl.bundle.server.pki.role=" + DevServerPki.ROLE,
				"scaivault.ssl.bundle.server.pki.common-name=evil.example")
			.run((context) -> {
				FailureAnalysis analysis = analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("refused").contains("evil.example");
				assertThat(analysis.getAction()).contains("scaivault.ssl.bundle.server.pki.common-name");
			});
	}

	@Test
	void configureWhenRenewBeforeIsNotShorterThanLifetimeThenFails() {
		withBundles(Duration.ofHours(1), "server").withPropertyValues("scaivault.ssl.bundle.server.renew-before=2h")
			.run((context) -> {
				FailureAnalysis analysis = analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("renew-before (PT2H)")
					.contains("lifetime (PT1H)");
				assertThat(analysis.getAction()).contains("Lower scaivault.ssl.bundle.server.renew-before");
			});
	}

	@Test
	void configureWhenRenewBeforeIsSetThenRenewsThatLongBeforeExpiry() {
		withBundles(Duration.ofHours(1), "server").withPropertyValues("scaivault.ssl.bundle.server.renew-before=10m")
			.run((context) -> {
				ScaiVaultSslBundle bundle = context.getBean(ScaiVaultSslBundleRegistrar.class)
					.getBundles()
					.get("server");
				CertificateMaterial material = bundle.peek();
				assertThat(bundle.renewAt(material)).isEqualTo(material.notAfter().minus(Duration.ofMinutes(10)));
			});
	}

	@Test
	void configureWhenRenewBeforeIsNotSetThenRenewsAtTwoThirdsOfLifetime() {
		withBundles(Duration.ofHours(3), "server").run((context) -> {
			ScaiVaultSslBundle bundle = context.getBean(ScaiVaultSslBundleRegistrar.class).getBundles().get("server");
			CertificateMaterial material = bundle.peek();
			assertThat(bundle.renewAt(material)).isEqualTo(material.notBefore().plus(Duration.ofHours(2)));
		});
	}

	static FailureAnalysis analyze(Throwable failure) {
		assertThat(failure).isNotNull();
		FailureAnalysis analysis = new ScaiVaultSslFailureAnalyzer().analyze(failure);
		assertThat(analysis).as("analysis of %s", failure).isNotNull();
		return analysis;
	}

	/**
	 * Records the serial number of the bundle {@code server} as the bundle registry is built (the
	 * registrars have run, nothing has read a bundle yet), or {@code null} when none was issued.
	 */
	@Configuration(proxyBeanMethods = false)
	static class IssuedAtRegistration {

		final List<@Nullable String> serialNumbers = new CopyOnWriteArrayList<>();

		@Bean
		static BeanPostProcessor issuedAtRegistrationRecorder(ObjectProvider<ScaiVaultSslBundleRegistrar> registrar,
				ObjectProvider<IssuedAtRegistration> recorded) {
			return new BeanPostProcessor() {

				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					if (bean instanceof SslBundles) {
						CertificateMaterial material = registrar.getObject().getBundles().get("server").peek();
						recorded.getObject().serialNumbers.add((material != null) ? material.serialNumber() : null);
					}
					return bean;
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class RecordedEvents {

		final List<Object> events = new CopyOnWriteArrayList<>();

		@Bean
		ApplicationListener<PayloadApplicationEvent<?>> recorder() {
			return (event) -> {
				Object payload = event.getPayload();
				if (payload.getClass().getPackageName().equals(CertificateIssuedEvent.class.getPackageName())) {
					this.events.add(payload);
				}
			};
		}

		<T> List<T> of(Class<T> type) {
			return this.events.stream().filter(type::isInstance).map(type::cast).toList();
		}

	}

}
