package ai.scailabs.scaivault.config;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ScaiVaultProperties}.
 */
class ScaiVaultPropertiesTests {

	@Test
	void toStringShowsNeitherTokenNorClientSecret() {
		ScaiVaultProperties properties = new ScaiVaultProperties();
		properties.setBaseUrl("https://scaivault.example");
		properties.setToken("svt_token-value");
		properties.setClientId("reporting");
		properties.setClientSecret("client-secret-value");
		assertThat(properties.toString()).doesNotContain("svt_token-value").doesNotContain("client-secret-value");
		assertThat(properties.getRetry().toString()).doesNotContain("svt_token-value");
		assertThat(properties.getConfig().toString()).doesNotContain("svt_token-value");
	}

}
