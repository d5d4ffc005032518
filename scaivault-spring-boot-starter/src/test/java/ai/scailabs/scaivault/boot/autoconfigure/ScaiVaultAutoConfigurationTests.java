package ai.scailabs.scaivault.boot.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import ai.scailabs.scaivault.boot.autoconfigure.health.ScaiVaultHealthIndicator;
import ai.scailabs.scaivault.boot.autoconfigure.metrics.MeterRegistryRequestListener;
import ai.scailabs.scaivault.client.AccessDeniedException;
import ai.scailabs.scaivault.client.RequestListener;
import ai.scailabs.scaivault.client.ScaiVaultAsyncClient;
import ai.scailabs.scaivault.client.ScaiVaultClient;
import ai.scailabs.scaivault.client.ScaiVaultException;
import ai.scailabs.scaivault.client.ValidationException;
import ai.scailabs.scaivault.config.ScaiVaultClientBuilderCustomizer;
import ai.scailabs.scaivault.config.ScaiVaultClientFactory;
import ai.scailabs.scaivault.config.ScaiVaultProperties;
import ai.scailabs.scaivault.devserver.ScaiVaultDevServer;
import ai.scailabs.scaivault.devserver.faults.Fault;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ScaiVaultAutoConfiguration}, against a running dev server.
 */
class ScaiVaultAutoConfigurationTests {

	private static final String CLIENT_ID = "reporting";

	private static final String CLIENT_SECRET = "reporting-secret";

	private static ScaiVaultDevServer server;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ScaiVaultAutoConfiguration.class));

	@BeforeAll
	static void startServer() {
		server = ScaiVaultDevServer.builder().client(CLIENT_ID, CLIENT_SECRET, "sa:reporting-service").start();
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	@AfterEach
	void clearServer() {
		server.faults().clear();
		server.requestLog().clear();
	}

	@Test
	void clientWhenNoBaseUrlIsNotCreated() {
		this.contextRunner.withPropertyValues("scaivault.token=" + server.rootToken()).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(ScaiVaultClient.class);
			assertThat(context).doesNotHaveBean(ScaiVaultAsyncClient.class);
			assertThat(context).doesNotHaveBean(ScaiVaultProperties.class);
		});
	}

	@Test
	void clientWhenBaseUrlIsBlankIsNotCreated() {
		this.contextRunner.withPropertyValues("scaivault.base-url=", "scaivault.token=" + server.rootToken())
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(ScaiVaultClient.class);
			});
	}

	@Test
	void clientWhenBaseUrlAndTokenIsCreated() {
		this.contextRunner.withPropertyValues("scaivault.base-url=" + server.baseUrl(), "scaivault.token=" + server.rootToken())
			.run((context) -> {
				assertThat(context).hasSingleBean(ScaiVaultClient.class);
				assertThat(context).hasBean(ScaiVaultClientFactory.CLIENT_BEAN_NAME);
				ScaiVaultClient client = context.getBean(ScaiVaultClient.class);
				assertThat(context.getBean(ScaiVaultAsyncClient.class)).isSameAs(client.async());
				assertThat(client.secrets().list(null).data()).isEmpty();
			});
	}

	@Test
	void clientWhenBaseUrlComesFromEnvironmentVariableIsCreated() {
		this.contextRunner.withInitializer((context) -> addSystemEnvironment(context, "SCAIVAULT_BASE_URL",
				server.baseUrl(), "SCAIVAULT_TOKEN", server.rootToken()))
			.run((context) -> {
				assertThat(context).hasSingleBean(ScaiVaultClient.class);
				assertThat(context.getBean(ScaiVaultClient.class).secrets().list(null).data()).isEmpty();
			});
	}

	@Test
	void clientWhenClientCredentialsExchangesThemForOneToken() {
		this.contextRunner
			.withPropertyValues("scaivault.base-url=" + server.baseUrl(), "scaivault.client-id=" + CLIENT_ID,
					"scaivault.client-secret=" + CLIENT_SECRET)
			.run((context) -> {
				ScaiVaultClient client = context.getBean(ScaiVaultClient.class);
				// sa:reporting-service is authenticated, and allowed nothing yet
				assertThatExceptionOfType(AccessDeniedException.class)
					.isThrownBy(() -> client.secrets().read("integrations/salesforce/oauth"));
				assertThatExceptionOfType(AccessDeniedException.class)
					.isThrownBy(() -> client.secrets().read("integrations/salesforce/oauth"));
				assertThat(server.requestCount("POST", "/oauth/token")).isOne();
			});
	}

	@Test
	void clientWhenClientCredentialsComeFromScaiKeyEnvironmentVariablesIsCreated() {
		this.contextRunner
			.withInitializer((context) -> addSystemEnvironment(context, "SCAIVAULT_BASE_URL", server.baseUrl(),
					"SCAIKEY_CLIENT_ID", CLIENT_ID, "SCAIKEY_CLIENT_SECRET", CLIENT_SECRET))
			.run((context) -> {
				ScaiVaultClient client = context.getBean(ScaiVaultClient.class);
				assertThatExceptionOfType(AccessDeniedException.class)
					.isThrownBy(() -> client.secrets().read("integrations/salesforce/oauth"));
				assertThat(server.requestCount("POST", "/oauth/token")).isOne();
			});
	}

	@Test
	void clientWhenBaseUrlButNoCredentialsFailsSayingWhatToSet() {
		this.contextRunner.withPropertyValues("scaivault.base-url=" + server.baseUrl()).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(ValidationException.class)
				.hasMessageContaining("No ScaiVault credentials")
				.hasMessageContaining("SCAIVAULT_TOKEN");
		});
	}

	@Test
	void clientWhenUserDefinesOneBacksOff() {
		this.contextRunner.withPropertyValues("scaivault.base-url=" + server.baseUrl(), "scaivault.token=unused")
			.withBean("myClient", ScaiVaultClient.class,
					() -> ScaiVaultClient.builder().baseUrl(server.baseUrl()).token(server.rootToken()).build())
			.run((context) -> {
				assertThat(context).hasSingleBean(ScaiVaultClient.class);
				assertThat(context).hasBean("myClient");
				assertThat(context.getBean(ScaiVaultAsyncClient.class))
					.isSameAs(context.getBean(ScaiVaultClient.class).async());
			});
	}

	@Test
	void clientWhenUserDefinesOneWithoutBaseUrlPropertyStillGetsAsyncClientAndHealth() {
		this.contextRunner
			.withBean(ScaiVaultClient.class,
					() -> ScaiVaultClient.builder().baseUrl(server.baseUrl()).token(server.rootToken()).build())
			.run((context) -> {
				assertThat(context).hasSingleBean(ScaiVaultClient.class);
				assertThat(context).hasSingleBean(ScaiVaultAsyncClient.class);
				assertThat(context).hasSingleBean(ScaiVaultHealthIndicator.class);
			});
	}

	@Test
	void clientWhenPromotedByConfigImportIsUsedWithoutAnotherTokenExchange() {
		ScaiVaultClient bootstrapClient = ScaiVaultClient.builder()
			.baseUrl(server.baseUrl())
			.clientCredentials(CLIENT_ID, CLIENT_SECRET)
			.build();
		try {
			assertThatExceptionOfType(AccessDeniedException.class)
				.isThrownBy(() -> bootstrapClient.secrets().read("integrations/salesforce/oauth"));
			this.contextRunner
				.withPropertyValues("scaivault.base-url=" + server.baseUrl(), "scaivault.client-id=" + CLIENT_ID,
						"scaivault.client-secret=" + CLIENT_SECRET)
				.withInitializer((context) -> context.getBeanFactory()
					.registerSingleton(ScaiVaultClientFactory.CLIENT_BEAN_NAME, bootstrapClient))
				.run((context) -> {
					assertThat(context).hasSingleBean(ScaiVaultClient.class);
					ScaiVaultClient client = context.getBean(ScaiVaultClient.class);
					assertThat(client).isSameAs(bootstrapClient);
					assertThatExceptionOfType(AccessDeniedException.class)
						.isThrownBy(() -> client.secrets().read("integrations/salesforce/oauth"));
					assertThat(server.requestCount("POST", "/oauth/token")).isOne();
				});
		}
		finally {
			bootstrapClient.close();
		}
	}

	@Test
	void customizersAreAppliedInOrder() {
		List<String> calls = new ArrayList<>();
		this.contextRunner.withPropertyValues("scaivault.base-url=" + server.baseUrl(), "scaivault.token=" + server.rootToken())
			.withBean("second", ScaiVaultClientBuilderCustomizer.class, () -> new OrderedCustomizer(calls, "second"))
			.withBean("first", ScaiVaultClientBuilderCustomizer.class, () -> new FirstCustomizer(calls))
			.run((context) -> {
				assertThat(context).hasSingleBean(ScaiVaultClient.class);
				assertThat(calls).containsExactly("first", "second");
			});
	}

	@Test
	void customizerOverridesProperties() {
		this.contextRunner.withPropertyValues("scaivault.base-url=" + server.baseUrl(), "scaivault.token=wrong")
			.withBean(ScaiVaultClientBuilderCustomizer.class,
					() -> (builder) -> builder.token(server.rootToken()))
			.run((context) -> assertThat(context.getBean(ScaiVaultClient.class).secrets().list(null).data()).isEmpty());
	}

	@Test
	void clientIsClosedWithTheContext() {
		ScaiVaultClient[] client = new ScaiVaultClient[1];
		this.contextRunner.withPropertyValues("scaivault.base-url=" + server.baseUrl(), "scaivault.token=" + server.rootToken())
			.run((context) -> {
				client[0] = context.getBean(ScaiVaultClient.class);
				assertThat(client[0].health().isOk()).isTrue();
			});
		assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> client[0].health());
	}

	@Test
	void sslBundleIsUsedToTrustTheServer() {
		try (ScaiVaultDevServer https = ScaiVaultDevServer.builder().https(true).start()) {
			this.contextRunner.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class))
				.withPropertyValues("scaivault.base-url=" + https.baseUrl(), "scaivault.token=" + https.rootToken(),
						"scaivault.ssl.bundle=scaivault",
						"spring.ssl.bundle.pem.scaivault.truststore.certificate=" + https.caCertificatePem())
				.run((context) -> {
					assertThat(context).hasNotFailed();
					ScaiVaultClient client = context.getBean(ScaiVaultClient.class);
					assertThat(client.health().isOk()).isTrue();
					assertThat(client.secrets().list(null).data()).isEmpty();
				});
		}
	}

	@Test
	void sslBundleWhenAbsentTheServerIsNotTrusted() {
		try (ScaiVaultDevServer https = ScaiVaultDevServer.builder().https(true).start()) {
			this.contextRunner.withPropertyValues("scaivault.base-url=" + https.baseUrl(),
					"scaivault.token=" + https.rootToken(), "scaivault.retry.max-retries=0")
				.run((context) -> assertThatExceptionOfType(ScaiVaultException.class)
					.isThrownBy(() -> context.getBean(ScaiVaultClient.class).health()));
		}
	}

	@Test
	void sslBundleWhenItDoesNotExistFailsNamingTheProperty() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class))
			.withPropertyValues("scaivault.base-url=" + server.baseUrl(), "scaivault.token=" + server.rootToken(),
					"scaivault.ssl.bundle=missing")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.hasMessageContaining("scaivault.ssl.bundle")
					.hasMessageContaining("'missing'")
					.hasMessageContaining("spring.ssl.bundle.pem.missing");
			});
	}

	@Test
	void healthIndicatorWhenHealthSupportIsPresentIsCreated() {
		this.contextRunner.withPropertyValues("scaivault.base-url=" + server.baseUrl(), "scaivault.token=" + server.rootToken())
			.run((context) -> {
				assertThat(context).hasSingleBean(ScaiVaultHealthIndicator.class);
				assertThat(context).hasBean("scaivaultHealthIndicator");
				assertThat(context.getBean(ScaiVaultHealthIndicator.class).health().getStatus()).isEqualTo(Status.UP);
			});
	}

	@Test
	void healthIndicatorWhenHealthSupportIsAbsentIsNotCreated() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
			.withPropertyValues("scaivault.base-url=" + server.baseUrl(), "scaivault.token=" + server.rootToken())
			.run((context) -> {
				assertThat(context).hasSingleBean(ScaiVaultClient.class);
				assertThat(context).doesNotHaveBean(ScaiVaultHealthIndicator.class);
			});
	}

	@Test
	void healthIndicatorWhenDisabledIsNotCreated() {
		this.contextRunner
			.withPropertyValues("scaivault.base-url=" + server.baseUrl(), "scaivault.token=" + server.rootToken(),
					"management.health.scaivault.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ScaiVaultHealthIndicator.class));
	}

	@Test
	void metricsWhenMeterRegistryIsPresentRecordRequestsAndRetries() {
		this.contextRunner.withBean(SimpleMeterRegistry.class, SimpleMeterRegistry::new)
			.withBean(ScaiVaultClientBuilderCustomizer.class,
					() -> (builder) -> builder.delayer((delay) -> CompletableFuture.completedFuture(null)))
			.withPropertyValues("scaivault.base-url=" + server.baseUrl(), "scaivault.token=" + server.rootToken())
			.run((context) -> {
				assertThat(context).hasSingleBean(MeterRegistryRequestListener.class);
				server.faults().add(Fault.unavailable().onRequests(1).forPath("/v1/secrets"));
				context.getBean(ScaiVaultClient.class).secrets().list(null);
				assertThatExceptionOfType(ScaiVaultException.class)
					.isThrownBy(() -> context.getBean(ScaiVaultClient.class).secrets().read("missing/secret"));
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				Timer success = registry.find(MeterRegistryRequestListener.REQUESTS)
					.tags("operation", "secrets.list", "outcome", "success")
					.timer();
				assertThat(success).isNotNull();
				assertThat(success.count()).isOne();
				Timer notFound = registry.find(MeterRegistryRequestListener.REQUESTS)
					.tags("operation", "secrets.read", "outcome", "not_found")
					.timer();
				assertThat(notFound).isNotNull();
				assertThat(notFound.count()).isOne();
				assertThat(registry.get(MeterRegistryRequestListener.RETRIES)
					.tags("operation", "secrets.list")
					.counter()
					.count()).isEqualTo(1.0);
			});
	}

	@Test
	void metricsWhenNoMeterRegistryBeanAreNotRecorded() {
		this.contextRunner.withPropertyValues("scaivault.base-url=" + server.baseUrl(), "scaivault.token=" + server.rootToken())
			.run((context) -> {
				assertThat(context).hasSingleBean(ScaiVaultClient.class);
				assertThat(context).doesNotHaveBean(MeterRegistryRequestListener.class);
			});
	}

	@Test
	void metricsWhenMicrometerIsAbsentAreNotRecorded() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.withPropertyValues("scaivault.base-url=" + server.baseUrl(), "scaivault.token=" + server.rootToken())
			.run((context) -> {
				assertThat(context).hasSingleBean(ScaiVaultClient.class);
				assertThat(context).doesNotHaveBean(MeterRegistryRequestListener.class);
			});
	}

	@Test
	void requestListenerBeansAreAllCalled() {
		List<String> operations = new ArrayList<>();
		this.contextRunner.withBean(SimpleMeterRegistry.class, SimpleMeterRegistry::new)
			.withBean(RequestListener.class, () -> new RequestListener() {
				@Override
				public void onStart(String operation, String method) {
					operations.add(operation);
				}
			})
			.withPropertyValues("scaivault.base-url=" + server.baseUrl(), "scaivault.token=" + server.rootToken())
			.run((context) -> {
				context.getBean(ScaiVaultClient.class).secrets().list(null);
				assertThat(operations).containsExactly("secrets.list");
				assertThat(context.getBean(MeterRegistry.class).find(MeterRegistryRequestListener.REQUESTS).timer())
					.isNotNull();
			});
	}

	private static void addSystemEnvironment(ConfigurableApplicationContext context, String... namesAndValues) {
		java.util.Map<String, Object> map = new java.util.LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			map.put(namesAndValues[i], namesAndValues[i + 1]);
		}
		context.getEnvironment()
			.getPropertySources()
			.addLast(new SystemEnvironmentPropertySource("testSystemEnvironment", map));
	}

	@Order(2)
	static class OrderedCustomizer implements ScaiVaultClientBuilderCustomizer {

		private final List<String> calls;

		private final String name;

		OrderedCustomizer(List<String> calls, String name) {
			this.calls = calls;
			this.name = name;
		}

		@Override
		public void customize(ai.scailabs.scaivault.client.ScaiVaultClientBuilder builder) {
			this.calls.add(this.name);
		}

	}

	@Order(1)
	static class FirstCustomizer extends OrderedCustomizer {

		FirstCustomizer(List<String> calls) {
			super(calls, "first");
		}

	}

}
