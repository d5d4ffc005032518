package ai.scailabs.scaivault.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ai.scailabs.scaivault.client.AccessDeniedException;
import ai.scailabs.scaivault.client.RequestListener;
import ai.scailabs.scaivault.client.ScaiVaultClient;
import ai.scailabs.scaivault.client.ValidationException;
import ai.scailabs.scaivault.devserver.ScaiVaultDevServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ScaiVaultClientFactory}, against the dev server.
 */
class ScaiVaultClientFactoryTests {

	private static ScaiVaultDevServer server;

	@BeforeAll
	static void startServer() {
		server = ScaiVaultDevServer.builder().client("shop", "shop-secret", "sa:shop").start();
		try (ScaiVaultClient admin = ScaiVaultClient.builder()
			.baseUrl(server.baseUrl())
			.token(server.rootToken())
			.build()) {
			admin.secrets().write("apps/shop/db", Map.of("username", "shop"));
		}
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	@Test
	void createClientWhenPropertiesAreUnsetFallsBackToEnvironmentVariables() {
		ScaiVaultProperties properties = new ScaiVaultProperties();
		properties.setToken("");
		Map<String, String> environment = Map.of("SCAIVAULT_BASE_URL", server.baseUrl(), "SCAIVAULT_TOKEN",
				server.rootToken());
		try (ScaiVaultClient client = new ScaiVaultClientFactory(properties)
			.customizer((builder) -> builder.environment(environment::get))
			.createClient()) {
			assertThat(client.secrets().read("apps/shop/db").data()).containsEntry("username", "shop");
		}
	}

	@Test
	void createClientWhenPropertiesAreSetPrefersThemOverEnvironmentVariables() {
		ScaiVaultProperties properties = new ScaiVaultProperties();
		properties.setBaseUrl(server.baseUrl());
		properties.setClientId("shop");
		properties.setClientSecret("shop-secret");
		Map<String, String> environment = Map.of("SCAIVAULT_BASE_URL", "http://127.0.0.1:1", "SCAIKEY_CLIENT_ID",
				"other", "SCAIKEY_CLIENT_SECRET", "other");
		server.requestLog().clear();
		// authenticated as sa:shop (no policy: denied); the environment's "other" client would be rejected
		try (ScaiVaultClient client = new ScaiVaultClientFactory(properties)
			.customizer((builder) -> builder.environment(environment::get))
			.createClient()) {
			assertThat(client.toString()).contains(server.baseUrl()).doesNotContain("shop-secret");
			assertThatExceptionOfType(AccessDeniedException.class)
				.isThrownBy(() -> client.secrets().read("apps/shop/db"));
		}
		assertThat(server.requestCount("POST", "/oauth/token")).isEqualTo(1);
	}

	@Test
	void createClientAppliesRetriesTimeoutsAndRequestListener() {
		ScaiVaultProperties properties = new ScaiVaultProperties();
		properties.setBaseUrl(server.baseUrl());
		properties.setToken(server.rootToken());
		properties.setTimeout(Duration.ofSeconds(3));
		properties.setConnectTimeout(Duration.ofSeconds(2));
		properties.getRetry().setMaxRetries(0);
		List<String> operations = new ArrayList<>();
		try (ScaiVaultClient client = new ScaiVaultClientFactory(properties).requestListener(new RequestListener() {

			@Override
			public void onEnd(String operation, int statusCode, @Nullable String errorCode, int attempts,
					Duration duration) {
				operations.add(operation + " " + statusCode + " " + attempts);
			}

		}).createClient()) {
			client.secrets().read("apps/shop/db");
		}
		assertThat(operations).singleElement().asString().endsWith(" 200 1");
	}

	@Test
	void createClientWhenNoCredentialsThrowsValidationException() {
		ScaiVaultProperties properties = new ScaiVaultProperties();
		properties.setBaseUrl(server.baseUrl());
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> new ScaiVaultClientFactory(properties)
				.customizer((builder) -> builder.environment((name) -> null))
				.createClient())
			.withMessageContaining("SCAIVAULT_TOKEN");
	}

}
