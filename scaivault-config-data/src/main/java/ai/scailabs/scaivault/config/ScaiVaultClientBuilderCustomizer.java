package ai.scailabs.scaivault.config;

import ai.scailabs.scaivault.client.ScaiVaultClientBuilder;

/**
 * Callback that customizes the {@link ScaiVaultClientBuilder} after {@link ScaiVaultClientFactory}
 * has applied {@link ScaiVaultProperties}, and before the client is built.
 *
 * @author ScaiLabs
 */
@FunctionalInterface
public interface ScaiVaultClientBuilderCustomizer {

	/**
	 * Customize the builder.
	 * @param builder the builder, already configured from the properties
	 */
	void customize(ScaiVaultClientBuilder builder);

}
