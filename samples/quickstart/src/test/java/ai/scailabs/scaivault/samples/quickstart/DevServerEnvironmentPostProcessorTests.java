package ai.scailabs.scaivault.samples.quickstart;

import java.util.Map;

import ai.scailabs.scaivault.client.AccessDeniedException;
import ai.scailabs.scaivault.client.ScaiVaultClient;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link DevServerEnvironmentPostProcessor}.
 */
class DevServerEnvironmentPostProcessorTests {

	private final DefaultBootstrapContext bootstrapContext = new DefaultBootstrapContext();

	private final DevServerEnvironmentPostProcessor postProcessor = new DevServerEnvironmentPostProcessor(
			new DeferredLogs(), this.bootstrapContext);

	@Test
	void postProcessWhenBaseUrlIsSetLeavesScaiVaultAlone() {
		StandardEnvironment environment = environment(Map.of("SCAIVAULT_BASE_URL", "https://scaivault.example"));
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getPropertySources().contains(DevServerEnvironmentPostProcessor.PROPERTY_SOURCE_NAME))
			.isFalse();
		assertThat(this.bootstrapContext.isRegistered(QuickstartDevServer.class)).isFalse();
	}

	@Test
	void postProcessWhenBaseUrlPropertyIsSetLeavesScaiVaultAlone() {
		StandardEnvironment environment = environment(Map.of("scaivault.base-url", "https://scaivault.example"));
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(this.bootstrapContext.isRegistered(QuickstartDevServer.class)).isFalse();
	}

	@Test
	void postProcessWhenNothingIsSetStartsSeededDevServerAndReadsAsServiceAccount() {
		StandardEnvironment environment = environment(Map.of());
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		try (QuickstartDevServer server = this.bootstrapContext.get(QuickstartDevServer.class)) {
			assertThat(environment.getProperty("scaivault.base-url")).isEqualTo(server.baseUrl());
			assertThat(environment.getProperty("scaivault.client-id")).isEqualTo(QuickstartDevServer.CLIENT_ID);
			assertThat(environment.getProperty("scaivault.token")).isNull();
			try (ScaiVaultClient client = ScaiVaultClient.builder()
				.baseUrl(server.baseUrl())
				.clientCredentials(QuickstartDevServer.CLIENT_ID, server.clientSecret())
				.build()) {
				assertThat(client.secrets().read("integrations/salesforce/oauth").data()).containsOnlyKeys("client_id",
						"client_secret");
				assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(
						() -> client.secrets().write("integrations/salesforce/oauth", Map.of("client_id", "other")));
			}
		}
	}

	private static StandardEnvironment environment(Map<String, Object> properties) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
		return environment;
	}

}
