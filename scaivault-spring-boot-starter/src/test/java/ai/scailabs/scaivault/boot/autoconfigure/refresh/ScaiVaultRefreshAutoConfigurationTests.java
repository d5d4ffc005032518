package ai.scailabs.scaivault.boot.autoconfigure.refresh;

import java.util.Map;

import ai.scailabs.scaivault.boot.autoconfigure.ScaiVaultAutoConfiguration;
import ai.scailabs.scaivault.client.ScaiVaultClient;
import ai.scailabs.scaivault.client.secrets.Secret;
import ai.scailabs.scaivault.client.secrets.SecretType;
import ai.scailabs.scaivault.config.env.ScaiVaultPropertySource;
import ai.scailabs.scaivault.config.env.SecretReference;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ScaiVaultRefreshAutoConfiguration}.
 */
class ScaiVaultRefreshAutoConfigurationTests {

	private static final AutoConfigurations CONFIGURATIONS = AutoConfigurations.of(ScaiVaultAutoConfiguration.class,
			ScaiVaultRefreshAutoConfiguration.class);

	private static final String SECRET = "scaivault.refresh.webhook.secret=whsec_test";

	private static final String CALLBACK_URL = "scaivault.refresh.webhook.callback-url=http://10.0.0.7:8080/scaivault/events";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(CONFIGURATIONS)
		.withUserConfiguration(ClientConfiguration.class);

	@Test
	void refreshWhenNoImportAndNoWebhookSecretThenBacksOff() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(ScaiVaultRefresher.class);
			assertThat(context).doesNotHaveBean(RefreshExecutor.class);
			assertThat(context).doesNotHaveBean(WebhookReceiver.class);
		});
	}

	@Test
	void refreshWhenNoClientThenBacksOff() {
		new ApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.withInitializer(ScaiVaultRefreshAutoConfigurationTests::addImport)
			.run((context) -> assertThat(context).doesNotHaveBean(ScaiVaultRefresher.class));
	}

	@Test
	void refreshWhenImportWithoutWebhookSecretThenPollsButHasNoEndpoint() {
		this.contextRunner.withInitializer(ScaiVaultRefreshAutoConfigurationTests::addImport).run((context) -> {
			assertThat(context).hasSingleBean(ScaiVaultRefresher.class);
			assertThat(context).hasSingleBean(SecretPoller.class);
			assertThat(context).doesNotHaveBean(WebhookReceiver.class);
			assertThat(context).hasSingleBean(ScaiVaultRefreshHealthIndicator.class);
		});
	}

	@Test
	void receiverWhenSecretComesFromTheEnvironmentVariableThenIsCreated() {
		this.contextRunner.withPropertyValues("SCAIVAULT_WEBHOOK_SECRET=whsec_from_env")
			.run((context) -> assertThat(context).hasSingleBean(WebhookReceiver.class));
	}

	@Test
	void endpointOnServletStackIsAServletFilter() {
		new WebApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.withUserConfiguration(ClientConfiguration.class)
			.withPropertyValues("scaivault.refresh.webhook.secret=whsec_test", "scaivault.refresh.webhook.path=/hooks/sv")
			.run((context) -> {
				assertThat(context).hasSingleBean(ServletWebhookFilter.class);
				assertThat(context).doesNotHaveBean(ReactiveWebhookFilter.class);
			});
	}

	@Test
	void endpointOnReactiveStackIsAWebFilter() {
		new ReactiveWebApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.withUserConfiguration(ClientConfiguration.class)
			.withPropertyValues("scaivault.refresh.webhook.secret=whsec_test")
			.run((context) -> {
				assertThat(context).hasSingleBean(ReactiveWebhookFilter.class);
				assertThat(context).doesNotHaveBean(ServletWebhookFilter.class);
			});
	}

	@Test
	void metricsWhenMeterRegistryExistsThenRecorded() {
		this.contextRunner.withPropertyValues("scaivault.refresh.webhook.secret=whsec_test")
			.withBean(SimpleMeterRegistry.class)
			.run((context) -> assertThat(context).hasSingleBean(MicrometerRefreshMetrics.class));
	}

	@Test
	void selfRegistrationWhenCallbackUrlHasNoSecretThenBacksOff() {
		this.contextRunner.withInitializer(ScaiVaultRefreshAutoConfigurationTests::addImport)
			.withPropertyValues("scaivault.refresh.webhook.callback-url=http://127.0.0.1:${local.server.port}/x")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean("scaiVaultSubscriptionRegistrar");
			});
	}

	@Test
	void selfRegistrationWhenRegistrationIsNotSetThenOneSharedSubscription() {
		this.contextRunner.withInitializer(ScaiVaultRefreshAutoConfigurationTests::addImport)
			.withPropertyValues(SECRET, CALLBACK_URL)
			.run((context) -> {
				assertThat(context).hasBean("scaiVaultSubscriptionRegistrar");
				assertThat(context).doesNotHaveBean(InstanceSubscriptionRegistrar.class);
				assertThat(context.getBean(RefreshState.class).fanOut()).isEqualTo("none");
			});
	}

	@Test
	void selfRegistrationWhenPerInstanceThenOneSubscriptionOfThisInstance() {
		this.contextRunner.withInitializer(ScaiVaultRefreshAutoConfigurationTests::addImport)
			.withPropertyValues(SECRET, CALLBACK_URL, "scaivault.refresh.webhook.registration=per-instance",
					"scaivault.refresh.webhook.instance-id=pod-1", "spring.application.name=reporting")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean("scaiVaultSubscriptionRegistrar");
				assertThat(context.getBean(InstanceSubscriptionRegistrar.class).name())
					.isEqualTo("reporting-scaivault-refresh@pod-1");
				assertThat(context.getBean(InstanceSubscriptionRegistrar.class).isRunning()).isTrue();
				assertThat(context.getBean(ScaiVaultRefreshHealthIndicator.class).health(true).getDetails())
					.containsEntry("fanOut", "per-instance-subscriptions");
			});
	}

	@Test
	void selfRegistrationWhenPerInstanceIsWrittenAsTheEnumConstantThenBindsRelaxed() {
		this.contextRunner.withPropertyValues(SECRET, CALLBACK_URL, "scaivault.refresh.webhook.registration=PER_INSTANCE")
			.run((context) -> assertThat(context).hasSingleBean(InstanceSubscriptionRegistrar.class));
	}

	@Test
	void selfRegistrationWhenPerInstanceWithoutCallbackUrlThenBacksOff() {
		this.contextRunner.withPropertyValues(SECRET, "scaivault.refresh.webhook.registration=per-instance")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(InstanceSubscriptionRegistrar.class);
			});
	}

	@Test
	void selfRegistrationWhenRegistrationIsUnknownThenFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues(SECRET, CALLBACK_URL, "scaivault.refresh.webhook.registration=per-pod")
			.run((context) -> assertThat(context).getFailure()
				.hasStackTraceContaining("scaivault.refresh.webhook.registration"));
	}

	@Test
	void selfRegistrationWhenStaleAfterIsUnderAMinuteThenFailsNamingTheProperty() {
		this.contextRunner
			.withPropertyValues(SECRET, CALLBACK_URL, "scaivault.refresh.webhook.registration=per-instance",
					"scaivault.refresh.webhook.stale-after=10s")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("scaivault.refresh.webhook.stale-after"));
	}

	@Test
	void instanceIdWhenSpringApplicationInstanceIdIsSetThenUsesIt() {
		this.contextRunner
			.withPropertyValues(SECRET, CALLBACK_URL, "scaivault.refresh.webhook.registration=per-instance",
					"spring.application.instance_id=cf-instance-7")
			.run((context) -> assertThat(context.getBean(InstanceSubscriptionRegistrar.class).name())
				.isEqualTo("application-scaivault-refresh@cf-instance-7"));
	}

	@Test
	void instanceIdWhenNotSetThenHostNameAndARandomSuffix() {
		this.contextRunner
			.withPropertyValues(SECRET, CALLBACK_URL, "scaivault.refresh.webhook.registration=per-instance",
					"HOSTNAME=reporting-5d8f-x2k")
			.run((context) -> assertThat(context.getBean(InstanceSubscriptionRegistrar.class).name())
				.matches("application-scaivault-refresh@reporting-5d8f-x2k-[0-9a-f]{8}"));
	}

	@Test
	void stopWhenPerInstanceAndNothingWasRegisteredThenClosesCleanly() {
		this.contextRunner.withInitializer(ScaiVaultRefreshAutoConfigurationTests::addImport)
			.withPropertyValues(SECRET, CALLBACK_URL, "scaivault.refresh.webhook.registration=per-instance")
			.run((context) -> {
				InstanceSubscriptionRegistrar registrar = context.getBean(InstanceSubscriptionRegistrar.class);
				context.close();
				assertThat(registrar.isRunning()).isFalse();
			});
	}

	@Test
	void propertiesToStringNeverShowsTheSecret() {
		this.contextRunner.withPropertyValues("scaivault.refresh.webhook.secret=whsec_hidden")
			.run((context) -> assertThat(context.getBean(ScaiVaultRefreshProperties.class).getWebhook().toString())
				.doesNotContain("whsec_hidden"));
	}

	private static void addImport(ConfigurableApplicationContext context) {
		Secret secret = new Secret("apps/demo/config", 1, Map.of("password", "pw"), SecretType.JSON, null, null, null);
		context.getEnvironment()
			.getPropertySources()
			.addLast(new ScaiVaultPropertySource("scaivault:apps/demo/config",
					Map.of(new SecretReference("apps/demo/config", null, "demo."), secret), null));
	}

	@Configuration(proxyBeanMethods = false)
	static class ClientConfiguration {

		@Bean(destroyMethod = "close")
		ScaiVaultClient scaiVaultClient() {
			// nothing listens: self-registration fails at once, which is logged, never fatal
			return ScaiVaultClient.builder().baseUrl("http://127.0.0.1:9").token("test-token").maxRetries(0).build();
		}

	}

}
