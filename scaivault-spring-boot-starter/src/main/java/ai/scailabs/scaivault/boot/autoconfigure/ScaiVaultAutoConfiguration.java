package ai.scailabs.scaivault.boot.autoconfigure;

import java.util.List;

import ai.scailabs.scaivault.boot.autoconfigure.client.CompositeRequestListener;
import ai.scailabs.scaivault.boot.autoconfigure.client.SslBundleContexts;
import ai.scailabs.scaivault.boot.autoconfigure.health.ScaiVaultHealthIndicator;
import ai.scailabs.scaivault.boot.autoconfigure.metrics.MeterRegistryRequestListener;
import ai.scailabs.scaivault.client.RequestListener;
import ai.scailabs.scaivault.client.ScaiVaultAsyncClient;
import ai.scailabs.scaivault.client.ScaiVaultClient;
import ai.scailabs.scaivault.config.ScaiVaultClientBuilderCustomizer;
import ai.scailabs.scaivault.config.ScaiVaultClientFactory;
import ai.scailabs.scaivault.config.ScaiVaultProperties;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration for the ScaiVault client: {@link ScaiVaultClient} and
 * {@link ScaiVaultAsyncClient} beans from {@link ScaiVaultProperties}, a {@code scaivault} health
 * indicator when Spring Boot's health support is present, and Micrometer metrics of the client's
 * requests when there is a {@link MeterRegistry}.
 *
 * <p>Applies when there is a ScaiVault to talk to: {@code scaivault.base-url} or the
 * {@code SCAIVAULT_BASE_URL} environment variable is set, or a {@link ScaiVaultClient} bean exists.
 * With none of them the application starts without a client. With a base URL but no credentials
 * ({@code scaivault.token}, {@code scaivault.client-id} and {@code scaivault.client-secret}, or
 * their environment variables) start-up fails, saying what to set.
 *
 * <p>The client that a {@code spring.config.import=scaivault:...} built at start-up is registered
 * as the {@value ScaiVaultClientFactory#CLIENT_BEAN_NAME} bean before this runs, so this backs
 * off and the application uses that client (one token exchange per process). The import hands
 * that client's requests to the application's {@link RequestListener} beans, so the metrics listener
 * defined here observes it as well (from the end of start-up on).
 */
@AutoConfiguration(after = SslAutoConfiguration.class,
		afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration" })
@Conditional(OnScaiVaultCondition.class)
@EnableConfigurationProperties(ScaiVaultProperties.class)
public final class ScaiVaultAutoConfiguration {

	@Bean(name = ScaiVaultClientFactory.CLIENT_BEAN_NAME, destroyMethod = "close")
	@ConditionalOnMissingBean
	ScaiVaultClient scaiVaultClient(ScaiVaultProperties properties, Environment environment,
			ObjectProvider<SslBundles> sslBundles, ObjectProvider<RequestListener> requestListeners,
			ObjectProvider<ScaiVaultClientBuilderCustomizer> customizers) {
		List<RequestListener> listeners = requestListeners.orderedStream().toList();
		return new ScaiVaultClientFactory(properties)
			.sslContext(SslBundleContexts.resolve(properties.getSsl().getBundle(), sslBundles::getIfAvailable))
			.requestListener(CompositeRequestListener.of(listeners))
			.customizer((builder) -> builder.environment(environment::getProperty))
			.customizers(customizers.orderedStream().toList())
			.createClient();
	}

	/**
	 * The asynchronous view of the client bean: same engine, same token, closed with it.
	 * @param client the client
	 * @return its asynchronous view
	 */
	@Bean(destroyMethod = "")
	@ConditionalOnMissingBean
	ScaiVaultAsyncClient scaiVaultAsyncClient(ScaiVaultClient client) {
		return client.async();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HealthIndicator.class)
	@ConditionalOnEnabledHealthIndicator("scaivault")
	static class HealthConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "scaivaultHealthIndicator")
		ScaiVaultHealthIndicator scaivaultHealthIndicator(ScaiVaultClient client, ScaiVaultProperties properties) {
			return new ScaiVaultHealthIndicator(client, properties.getHealth().getTimeout());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	@ConditionalOnBean(MeterRegistry.class)
	static class MetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		MeterRegistryRequestListener scaiVaultMeterRegistryRequestListener(MeterRegistry registry) {
			return new MeterRegistryRequestListener(registry);
		}

	}

}
