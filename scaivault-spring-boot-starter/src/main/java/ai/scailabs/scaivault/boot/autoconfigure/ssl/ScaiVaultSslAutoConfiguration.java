package ai.scailabs.scaivault.boot.autoconfigure.ssl;

import java.time.Clock;

import ai.scailabs.scaivault.boot.autoconfigure.ScaiVaultAutoConfiguration;
import ai.scailabs.scaivault.client.ScaiVaultClient;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.eclipse.jetty.server.Server;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.jetty.ConfigurableJettyWebServerFactory;
import org.springframework.boot.ssl.SslBundleRegistry;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration for SSL bundles issued by ScaiVault ({@code scaivault.ssl.bundle.<name>.*}):
 * registers each in Spring Boot's SSL bundle registry, issues its certificate at start-up, renews
 * it before expiry and reloads it in the web server (Tomcat and Reactor Netty through Spring Boot,
 * Jetty through {@link JettySslBundleReloader}) and in every client built from the bundle. Adds a
 * {@code scaivaultSsl} health indicator and a seconds-to-expiry gauge per bundle when Spring Boot's
 * health and Micrometer support are present.
 */
@AutoConfiguration(after = { ScaiVaultAutoConfiguration.class, SslAutoConfiguration.class })
@ConditionalOnBean(ScaiVaultClient.class)
@Conditional(OnScaiVaultSslBundlesCondition.class)
@EnableConfigurationProperties(ScaiVaultSslProperties.class)
public final class ScaiVaultSslAutoConfiguration {

	/** The bundle the ScaiVault client itself trusts. */
	private static final String CLIENT_BUNDLE_PROPERTY = "scaivault.ssl.bundle";

	@Bean
	@ConditionalOnMissingBean
	ScaiVaultSslBundleRegistrar scaiVaultSslBundleRegistrar(ScaiVaultSslProperties properties,
			ObjectProvider<ScaiVaultClient> client, ApplicationEventPublisher events, Environment environment) {
		// the client looks the bundle registry up only when scaivault.ssl.bundle is set; then it is
		// taken once it exists, else as the bundles are registered
		return new ScaiVaultSslBundleRegistrar(properties, environment.getProperty(CLIENT_BUNDLE_PROPERTY),
				client::getObject, events);
	}

	@Bean
	@ConditionalOnMissingBean
	CertificateRenewalScheduler scaiVaultCertificateRenewalScheduler(ScaiVaultSslBundleRegistrar registrar,
			SslBundleRegistry registry, ApplicationEventPublisher events, ScaiVaultSslProperties properties) {
		return new CertificateRenewalScheduler(registrar.getBundles(), registry, events,
				properties.getRevocationCheckInterval(), Clock.systemUTC());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ Server.class, ConfigurableJettyWebServerFactory.class })
	@ConditionalOnProperty("server.ssl.bundle")
	static class JettyConfiguration {

		@Bean
		JettySslBundleReloader scaiVaultJettySslBundleReloader(SslBundles sslBundles, Environment environment) {
			return new JettySslBundleReloader(sslBundles, environment.getRequiredProperty("server.ssl.bundle"));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HealthIndicator.class)
	@ConditionalOnEnabledHealthIndicator("scaivaultSsl")
	static class HealthConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "scaivaultSslHealthIndicator")
		ScaiVaultSslHealthIndicator scaivaultSslHealthIndicator(ScaiVaultSslBundleRegistrar registrar) {
			return new ScaiVaultSslHealthIndicator(registrar.getBundles(), Clock.systemUTC());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterBinder.class)
	static class MetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ScaiVaultSslMetrics scaiVaultSslMetrics(ScaiVaultSslBundleRegistrar registrar) {
			return new ScaiVaultSslMetrics(registrar.getBundles(), Clock.systemUTC());
		}

	}

}
