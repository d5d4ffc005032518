package ai.scailabs.scaivault.boot.autoconfigure;

import ai.scailabs.scaivault.boot.autoconfigure.metrics.MeterRegistryRequestListener;
import ai.scailabs.scaivault.client.ScaiVaultAsyncClient;
import ai.scailabs.scaivault.client.ScaiVaultClient;
import ai.scailabs.scaivault.config.ScaiVaultClientFactory;
import ai.scailabs.scaivault.devserver.ScaiVaultDevServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The auto-configuration together with {@code spring.config.import=scaivault:...}, in a real
 * {@link SpringApplication} against a dev server.
 */
class ScaiVaultConfigImportIntegrationTests {

	private static final String SEED = """
			{"policies": [{"name": "reporting-service-salesforce",
			  "rules": [{"path_pattern": "integrations/salesforce/oauth", "permissions": ["read"]}],
			  "bindings": [{"identity_type": "service_account", "identity_id": "sa:reporting-service"}]}],
			 "secrets": {"integrations/salesforce/oauth": {"data": {"client_id": "3MVG9...", "client_secret": "REDACTED"},
			  "secret_type": "json"}}}
			""";

	private static ScaiVaultDevServer server;

	@BeforeAll
	static void startServer() {
		server = ScaiVaultDevServer.builder()
			.client("reporting", "reporting-secret", "sa:reporting-service")
			.seed(SEED)
			.start();
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	@Test
	void clientBeanIsTheImportsClientAndReportsToMetrics() {
		ScaiVaultClient client;
		try (ConfigurableApplicationContext context = run()) {
			assertThat(context.getEnvironment().getProperty("salesforce.client_id")).isEqualTo("3MVG9...");
			assertThat(context.getBeansOfType(ScaiVaultClient.class)).containsOnlyKeys(ScaiVaultClientFactory.CLIENT_BEAN_NAME);
			client = context.getBean(ScaiVaultClient.class);
			assertThat(context.getBean(ScaiVaultAsyncClient.class)).isSameAs(client.async());
			assertThat(client.secrets().read("integrations/salesforce/oauth").version()).isOne();
			assertThat(server.requestCount("POST", "/oauth/token")).isOne();
			Timer reads = context.getBean(MeterRegistry.class)
				.find(MeterRegistryRequestListener.REQUESTS)
				.tags("operation", "secrets.read", "outcome", "success")
				.timer();
			assertThat(reads).isNotNull();
			assertThat(reads.count()).isOne();
		}
		assertThatExceptionOfType(RuntimeException.class).isThrownBy(client::health);
	}

	private static ConfigurableApplicationContext run() {
		SpringApplication application = new SpringApplication(TestConfiguration.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		return application.run("--spring.config.import=scaivault:integrations/salesforce/oauth?prefix=salesforce.",
				"--scaivault.base-url=" + server.baseUrl(), "--scaivault.client-id=reporting",
				"--scaivault.client-secret=reporting-secret");
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(ScaiVaultAutoConfiguration.class)
	static class TestConfiguration {

		@Bean
		SimpleMeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

}
