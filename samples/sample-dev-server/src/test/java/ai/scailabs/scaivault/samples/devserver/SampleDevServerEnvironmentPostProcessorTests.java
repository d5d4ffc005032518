package ai.scailabs.scaivault.samples.devserver;

import java.util.Map;

import ai.scailabs.scaivault.client.AccessDeniedException;
import ai.scailabs.scaivault.client.ScaiVaultClient;
import ai.scailabs.scaivault.client.pki.CreateCaRequest;
import ai.scailabs.scaivault.client.pki.KeyType;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.bootstrap.BootstrapRegistry.InstanceSupplier;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link SampleDevServerEnvironmentPostProcessor}, against the dev server it starts.
 */
class SampleDevServerEnvironmentPostProcessorTests {

	private final DefaultBootstrapContext bootstrapContext = new DefaultBootstrapContext();

	@Test
	void postProcessWhenBaseUrlIsSetLeavesScaiVaultAlone() {
		StandardEnvironment environment = environment(Map.of("SCAIVAULT_BASE_URL", "https://scaivault.example"));
		postProcessor(new ClientSeed()).postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getPropertySources()
			.contains(SampleDevServerEnvironmentPostProcessor.PROPERTY_SOURCE_NAME)).isFalse();
		assertThat(this.bootstrapContext.isRegistered(SampleDevServer.class)).isFalse();
	}

	@Test
	void postProcessWhenBaseUrlPropertyIsSetLeavesScaiVaultAlone() {
		StandardEnvironment environment = environment(Map.of("scaivault.base-url", "https://scaivault.example"));
		postProcessor(new ClientSeed()).postProcessEnvironment(environment, new SpringApplication());
		assertThat(this.bootstrapContext.isRegistered(SampleDevServer.class)).isFalse();
	}

	@Test
	void postProcessWhenSeedNamesClientThenReadsAsItsServiceAccountWithTheSeededDocument() {
		StandardEnvironment environment = environment(Map.of("greeting", "hello"));
		postProcessor(new ClientSeed()).postProcessEnvironment(environment, new SpringApplication());
		try (SampleDevServer server = this.bootstrapContext.get(SampleDevServer.class)) {
			assertThat(environment.getProperty("scaivault.base-url")).isEqualTo(server.baseUrl());
			assertThat(environment.getProperty("scaivault.client-id")).isEqualTo("app");
			assertThat(environment.getProperty("scaivault.client-secret")).isEqualTo(server.clientSecret());
			assertThat(environment.getProperty("scaivault.token")).isNull();
			try (ScaiVaultClient client = ScaiVaultClient.builder()
				.baseUrl(server.baseUrl())
				.environment((name) -> null)
				.clientCredentials("app", server.clientSecret())
				.build()) {
				assertThat(client.secrets().read("app/config").data()).containsEntry("greeting", "hello");
				assertThatExceptionOfType(AccessDeniedException.class)
					.isThrownBy(() -> client.secrets().write("app/config", Map.of("greeting", "other")));
			}
		}
	}

	@Test
	void postProcessWhenSeedNamesNoClientThenReadsWithRootTokenAndSeedsThroughTheApi() {
		StandardEnvironment environment = environment(Map.of());
		postProcessor(new RootSeed()).postProcessEnvironment(environment, new SpringApplication());
		try (SampleDevServer server = this.bootstrapContext.get(SampleDevServer.class)) {
			assertThat(environment.getProperty("scaivault.token")).isEqualTo(server.server().rootToken());
			assertThat(environment.getProperty("scaivault.client-id")).isNull();
			assertThat(server.server().requestCount("POST", "/v1/pki/cas")).isOne();
			assertThatExceptionOfType(IllegalStateException.class).isThrownBy(server::clientSecret);
		}
	}

	@Test
	void postProcessWhenServerIsAlreadyRegisteredThenStartsNoOther() {
		StandardEnvironment environment = environment(Map.of("greeting", "hello"));
		SampleDevServerEnvironmentPostProcessor postProcessor = postProcessor(new ClientSeed());
		postProcessor.postProcessEnvironment(environment, new SpringApplication());
		try (SampleDevServer server = this.bootstrapContext.get(SampleDevServer.class)) {
			StandardEnvironment second = environment(Map.of());
			postProcessor.postProcessEnvironment(second, new SpringApplication());
			assertThat(second.getProperty("scaivault.base-url")).isNull();
			assertThat(this.bootstrapContext.get(SampleDevServer.class)).isSameAs(server);
		}
	}

	@Test
	void getOrderWhenSeedReadsApplicationPropertiesThenRunsAfterConfigData() {
		assertThat(postProcessor(new ClientSeed(), new DefaultBootstrapContext()).getOrder())
			.isLessThan(ConfigDataEnvironmentPostProcessor.ORDER);
		assertThat(postProcessor(new RootSeed(), new DefaultBootstrapContext()).getOrder())
			.isGreaterThan(ConfigDataEnvironmentPostProcessor.ORDER);
	}

	private SampleDevServerEnvironmentPostProcessor postProcessor(SampleDevServerSeed seed) {
		return postProcessor(seed, this.bootstrapContext);
	}

	private static SampleDevServerEnvironmentPostProcessor postProcessor(SampleDevServerSeed seed,
			DefaultBootstrapContext bootstrapContext) {
		bootstrapContext.register(SampleDevServerSeed.class, InstanceSupplier.of(seed));
		return new SampleDevServerEnvironmentPostProcessor(new DeferredLogs(), bootstrapContext);
	}

	private static StandardEnvironment environment(Map<String, Object> properties) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
		return environment;
	}

	static class ClientSeed implements SampleDevServerSeed {

		@Override
		public Client client() {
			return new Client("app", "sa:app");
		}

		@Override
		public String document(Environment environment) {
			return readResource("test-seed.json").replace("@greeting@", environment.getProperty("greeting", ""));
		}

		@Override
		public String describe(Environment environment) {
			return "with app/config";
		}

	}

	static class RootSeed implements SampleDevServerSeed {

		@Override
		public @Nullable Client client() {
			return null;
		}

		@Override
		public void seed(ScaiVaultClient root) {
			root.pki().createCa(CreateCaRequest.root("test-root", "Test Root CA").withKey(KeyType.EC, 256));
		}

		@Override
		public boolean readsApplicationProperties() {
			return true;
		}

		@Override
		public String describe(Environment environment) {
			return "with a CA";
		}

	}

}
