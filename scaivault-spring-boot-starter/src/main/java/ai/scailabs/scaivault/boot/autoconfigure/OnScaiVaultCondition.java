package ai.scailabs.scaivault.boot.autoconfigure;

import ai.scailabs.scaivault.client.ScaiVaultClient;

import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/**
 * Matches when there is a ScaiVault to talk to: a base URL is configured
 * ({@code scaivault.base-url}, or the {@code SCAIVAULT_BASE_URL} environment variable), or a
 * {@link ScaiVaultClient} bean already exists (the client promoted by a {@code scaivault:} config
 * import, or one the application defines itself).
 */
class OnScaiVaultCondition extends AnyNestedCondition {

	OnScaiVaultCondition() {
		super(ConfigurationPhase.REGISTER_BEAN);
	}

	@ConditionalOnProperty("scaivault.base-url")
	static class BaseUrlProperty {

	}

	@ConditionalOnProperty("SCAIVAULT_BASE_URL")
	static class BaseUrlEnvironmentVariable {

	}

	@ConditionalOnBean(ScaiVaultClient.class)
	static class ClientBean {

	}

}
