package ai.scailabs.scaivault.boot.autoconfigure.client;

import ai.scailabs.scaivault.client.ScaiVaultAsyncClient;
import ai.scailabs.scaivault.client.ScaiVaultClient;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;

/**
 * Explains a start-up that failed because something needs a {@link ScaiVaultClient} or a
 * {@link ScaiVaultAsyncClient} and none was auto-configured: no ScaiVault base URL is set.
 */
class NoScaiVaultClientFailureAnalyzer extends AbstractFailureAnalyzer<NoSuchBeanDefinitionException>
		implements Ordered {

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, NoSuchBeanDefinitionException cause) {
		Class<?> type = cause.getBeanType();
		if (type != ScaiVaultClient.class && type != ScaiVaultAsyncClient.class) {
			return null;
		}
		return new FailureAnalysis("A " + type.getSimpleName()
				+ " bean is required, but none was auto-configured: no ScaiVault base URL is set.",
				"Set scaivault.base-url (or the SCAIVAULT_BASE_URL environment variable) to your ScaiVault, such as"
						+ " https://scaivault.scailabs.ai, and its credentials: scaivault.token (SCAIVAULT_TOKEN), or"
						+ " scaivault.client-id and scaivault.client-secret (SCAIKEY_CLIENT_ID and"
						+ " SCAIKEY_CLIENT_SECRET). Or define a " + type.getSimpleName() + " bean yourself.",
				cause);
	}

	@Override
	public int getOrder() {
		// before Spring Boot's generic analysis of a missing bean
		return 0;
	}

}
