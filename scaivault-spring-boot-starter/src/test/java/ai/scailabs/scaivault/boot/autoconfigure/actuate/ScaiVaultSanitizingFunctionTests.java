package ai.scailabs.scaivault.boot.autoconfigure.actuate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.scailabs.scaivault.client.secrets.Secret;
import ai.scailabs.scaivault.client.secrets.SecretType;
import ai.scailabs.scaivault.config.env.ScaiVaultPropertySource;
import ai.scailabs.scaivault.config.env.SecretReference;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.actuate.env.EnvironmentEndpoint.EnvironmentEntryDescriptor;
import org.springframework.boot.actuate.env.EnvironmentEndpoint.PropertySourceEntryDescriptor;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ScaiVaultSanitizingFunction}.
 */
class ScaiVaultSanitizingFunctionTests {

	private final ScaiVaultSanitizingFunction function = new ScaiVaultSanitizingFunction();

	@Test
	void applyWhenPropertySourceIsScaiVaultMasksEveryValue() {
		ScaiVaultPropertySource source = scaiVaultSource();
		assertThat(apply(source, "salesforce.client_id", "sf-client")).isEqualTo(SanitizableData.SANITIZED_VALUE);
		assertThat(apply(source, "salesforce.endpoints.login_url", "https://login.example"))
			.isEqualTo(SanitizableData.SANITIZED_VALUE);
	}

	@Test
	void applyWhenKeyIsTokenOrClientSecretInAnyFormMasksIt() {
		MapPropertySource source = new MapPropertySource("test", Map.of());
		for (String key : List.of("scaivault.token", "scaivault.client-secret", "scaivault.clientSecret",
				"scaivault.client_secret", "SCAIVAULT_TOKEN", "SCAIVAULT_CLIENT_SECRET", "SCAIKEY_CLIENT_SECRET")) {
			assertThat(apply(source, key, "credential")).as(key).isEqualTo(SanitizableData.SANITIZED_VALUE);
		}
		assertThat(apply(null, "scaivault.clientSecret", "credential")).isEqualTo(SanitizableData.SANITIZED_VALUE);
	}

	@Test
	void applyWhenKeyIsTheWebhookSecretInAnyFormMasksIt() {
		MapPropertySource source = new MapPropertySource("test", Map.of());
		for (String key : List.of("scaivault.refresh.webhook.secret", "SCAIVAULT_REFRESH_WEBHOOK_SECRET",
				"SCAIVAULT_WEBHOOK_SECRET")) {
			assertThat(apply(source, key, "whsec_value")).as(key).isEqualTo(SanitizableData.SANITIZED_VALUE);
		}
		assertThat(apply(source, "scaivault.refresh.webhook.path", "/scaivault/events")).isEqualTo("/scaivault/events");
	}

	@Test
	void applyWhenOtherPropertyLeavesItAlone() {
		MapPropertySource source = new MapPropertySource("test", Map.of());
		for (String key : List.of("scaivault.base-url", "scaivault.client-id", "scaivault.token-uri",
				"SCAIKEY_CLIENT_ID", "salesforce.client_id", "app.token")) {
			assertThat(apply(source, key, "plain")).as(key).isEqualTo("plain");
		}
	}

	@Test
	void environmentEndpointWhenShowValuesIsAlwaysMasksScaiVaultValuesAndCredentials() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(scaiVaultSource());
		environment.getPropertySources()
			.addLast(new MapPropertySource("settings", Map.of("scaivault.token", "svt_token-value",
					"scaivault.client-secret", "client-secret-value", "scaivault.base-url", "https://vault.example")));
		environment.getPropertySources()
			.addLast(new SystemEnvironmentPropertySource("env",
					Map.of("SCAIVAULT_TOKEN", "svt_env-token-value", "SCAIKEY_CLIENT_SECRET", "env-secret-value")));
		List<SanitizingFunction> functions = List.of(this.function);
		EnvironmentEndpoint endpoint = new EnvironmentEndpoint(environment, functions, Show.ALWAYS);
		EnvironmentEntryDescriptor entry = endpoint.environmentEntry("salesforce.client_id");
		assertThat(entry.getProperty().getValue()).isEqualTo(SanitizableData.SANITIZED_VALUE);
		PropertySourceEntryDescriptor fromScaiVault = entry.getPropertySources()
			.stream()
			.filter((source) -> source.getName().equals("scaivault:integrations/salesforce/oauth"))
			.findFirst()
			.orElseThrow();
		assertThat(fromScaiVault.getProperty().getValue()).isEqualTo(SanitizableData.SANITIZED_VALUE);
		assertThat(fromScaiVault.getProperty().getOrigin())
			.isEqualTo("ScaiVault path integrations/salesforce/oauth, version 3");
		assertThat(endpoint.environmentEntry("scaivault.token").getProperty().getValue())
			.isEqualTo(SanitizableData.SANITIZED_VALUE);
		assertThat(endpoint.environmentEntry("scaivault.client-secret").getProperty().getValue())
			.isEqualTo(SanitizableData.SANITIZED_VALUE);
		assertThat(endpoint.environmentEntry("SCAIVAULT_TOKEN").getProperty().getValue())
			.isEqualTo(SanitizableData.SANITIZED_VALUE);
		assertThat(endpoint.environmentEntry("SCAIKEY_CLIENT_SECRET").getProperty().getValue())
			.isEqualTo(SanitizableData.SANITIZED_VALUE);
		assertThat(endpoint.environmentEntry("scaivault.base-url").getProperty().getValue())
			.isEqualTo("https://vault.example");
	}

	private @Nullable Object apply(@Nullable PropertySource<?> source, String key, Object value) {
		return this.function.applyUnlessFiltered(new SanitizableData(source, key, value)).getValue();
	}

	private static ScaiVaultPropertySource scaiVaultSource() {
		SecretReference reference = new SecretReference("integrations/salesforce/oauth", null, "salesforce.");
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("client_id", "sf-client");
		data.put("endpoints", Map.of("login_url", "https://login.example"));
		Map<SecretReference, @Nullable Secret> secrets = new LinkedHashMap<>();
		secrets.put(reference, new Secret(reference.path(), 3, data, SecretType.JSON, null, null, null));
		return new ScaiVaultPropertySource("scaivault:integrations/salesforce/oauth", secrets, null);
	}

}
