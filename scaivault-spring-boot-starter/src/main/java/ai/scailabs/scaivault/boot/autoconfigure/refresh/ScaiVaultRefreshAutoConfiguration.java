package ai.scailabs.scaivault.boot.autoconfigure.refresh;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.random.RandomGenerator;

import ai.scailabs.scaivault.boot.autoconfigure.ScaiVaultAutoConfiguration;
import ai.scailabs.scaivault.boot.autoconfigure.refresh.bus.BusFanOut;
import ai.scailabs.scaivault.boot.autoconfigure.refresh.bus.BusFanOutMetrics;
import ai.scailabs.scaivault.boot.autoconfigure.refresh.bus.MicrometerBusFanOutMetrics;
import ai.scailabs.scaivault.boot.autoconfigure.refresh.bus.ScaiVaultSecretChangedRemoteEvent;
import ai.scailabs.scaivault.client.ScaiVaultClient;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.cloud.bus.ConditionalOnBusEnabled;
import org.springframework.cloud.bus.ServiceMatcher;
import org.springframework.cloud.bus.event.Destination;
import org.springframework.cloud.bus.event.RemoteApplicationEvent;
import org.springframework.cloud.bus.jackson.RemoteApplicationEventScan;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.cloud.context.properties.ConfigurationPropertiesRebinder;
import org.springframework.cloud.context.scope.refresh.RefreshScope;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Auto-configuration of live rotation: a signed webhook ({@code scaivault.refresh.webhook.*}) or a
 * poll ({@code scaivault.refresh.poll-interval}) re-reads the path that changed, swaps its values in
 * the {@code scaivault:} property source and rebinds the beans that read them. Every verified event
 * is also published as a {@code WebhookEvent}, for other features to react to. With a callback URL
 * the application registers its subscription, shared or per instance (see
 * {@link SubscriptionRegistrationConfigurations}).
 *
 * <p>Applies when there is a client and either a {@code scaivault:} import or a webhook secret.
 *
 * @author ScaiLabs
 */
@AutoConfiguration(after = ScaiVaultAutoConfiguration.class,
		afterName = { "org.springframework.cloud.autoconfigure.RefreshAutoConfiguration",
				"org.springframework.cloud.autoconfigure.ConfigurationPropertiesRebinderAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration",
				"org.springframework.cloud.bus.BusAutoConfiguration",
				"org.springframework.cloud.bus.PathServiceMatcherAutoConfiguration" })
@ConditionalOnClass(EnvironmentChangeEvent.class)
@ConditionalOnBean(ScaiVaultClient.class)
@Conditional(OnScaiVaultRefreshCondition.class)
@EnableConfigurationProperties(ScaiVaultRefreshProperties.class)
@Import({ WebhookEndpointConfigurations.Servlet.class, WebhookEndpointConfigurations.Reactive.class,
		SubscriptionRegistrationConfigurations.Shared.class, SubscriptionRegistrationConfigurations.PerInstance.class })
public final class ScaiVaultRefreshAutoConfiguration {

	private final Clock clock = Clock.systemUTC();

	@Bean(destroyMethod = "close")
	RefreshExecutor scaiVaultRefreshExecutor() {
		return new RefreshExecutor();
	}

	@Bean
	RefreshState scaiVaultRefreshState() {
		return new RefreshState();
	}

	@Bean
	@ConditionalOnMissingBean
	ScaiVaultRefresher scaiVaultRefresher(ScaiVaultClient client, ConfigurableEnvironment environment,
			ApplicationContext context, ObjectProvider<ConfigurationPropertiesRebinder> rebinder,
			ObjectProvider<RefreshScope> refreshScope, RefreshState state, ObjectProvider<RefreshMetrics> metrics) {
		return new ScaiVaultRefresher(client, new ImportedSecretSources(environment),
				new RefreshPublisher(context, rebinder, refreshScope), state, metrics(metrics), this.clock);
	}

	@Bean
	@Conditional(OnScaiVaultRefreshCondition.OnWebhookSecret.class)
	WebhookReceiver scaiVaultWebhookReceiver(ScaiVaultRefreshProperties properties, ConfigurableEnvironment environment,
			ScaiVaultRefresher refresher, RefreshState state, ObjectProvider<RefreshMetrics> metrics,
			RefreshExecutor executor, ApplicationContext context) {
		WebhookEventHandler handler = new WebhookEventHandler(refresher, new ImportedSecretSources(environment), state,
				metrics(metrics), context, this.clock);
		WebhookSignatures signatures = new WebhookSignatures(secret(properties, environment));
		return new WebhookReceiver(signatures, properties.getWebhook().getMaxAge(), this.clock,
				(event) -> executor.submit(() -> handler.handle(event)), metrics(metrics));
	}

	@Bean
	SecretPoller scaiVaultSecretPoller(ScaiVaultRefreshProperties properties, ScaiVaultClient client,
			ConfigurableEnvironment environment, ScaiVaultRefresher refresher, RefreshState state,
			ObjectProvider<RefreshMetrics> metrics, RefreshExecutor executor) {
		SecretPoller poller = new SecretPoller(client, new ImportedSecretSources(environment), refresher, state,
				metrics(metrics), this.clock);
		Duration interval = properties.getPollInterval();
		if (!interval.isZero() && !interval.isNegative() && ImportedSecretSources.hasImports(environment)) {
			Jitter jitter = new Jitter(RandomGenerator.getDefault());
			executor.every(jitter.first(interval), () -> jitter.next(interval), poller);
		}
		return poller;
	}

	private static RefreshMetrics metrics(ObjectProvider<RefreshMetrics> metrics) {
		return metrics.getIfAvailable(() -> RefreshMetrics.NONE);
	}

	/**
	 * The webhook secret as bound once into the properties (a "${random.value}" stays one value),
	 * else {@code SCAIVAULT_WEBHOOK_SECRET}.
	 */
	static String secret(ScaiVaultRefreshProperties properties, ConfigurableEnvironment environment) {
		String secret = properties.getWebhook().getSecret();
		if (secret == null || secret.isBlank()) {
			secret = environment.getProperty(OnScaiVaultRefreshCondition.SECRET_VARIABLE);
		}
		if (secret == null || secret.isBlank()) {
			throw new IllegalStateException("No ScaiVault webhook secret: set " + OnScaiVaultRefreshCondition.SECRET_PROPERTY
					+ " or " + OnScaiVaultRefreshCondition.SECRET_VARIABLE);
		}
		return secret;
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	@ConditionalOnBean(MeterRegistry.class)
	static class MetricsConfiguration {

		@Bean
		MicrometerRefreshMetrics scaiVaultRefreshMetrics(MeterRegistry registry) {
			return new MicrometerRefreshMetrics(registry);
		}

	}

	/**
	 * Several replicas on Spring Cloud Bus: a webhook on one reaches all (see {@link BusFanOut}).
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(RemoteApplicationEvent.class)
	@ConditionalOnBusEnabled
	@ConditionalOnBean({ ServiceMatcher.class, Destination.Factory.class })
	@RemoteApplicationEventScan(basePackageClasses = ScaiVaultSecretChangedRemoteEvent.class)
	static class BusFanOutConfiguration {

		@Bean
		@ConditionalOnMissingBean
		BusFanOut scaiVaultBusFanOut(ApplicationContext context, ServiceMatcher matcher,
				Destination.Factory destinations, ScaiVaultRefresher refresher, RefreshExecutor executor,
				RefreshState state, ObjectProvider<BusFanOutMetrics> metrics) {
			state.fanOut(BusFanOut.MODE);
			return new BusFanOut(context, matcher, destinations.getDestination(null), refresher, (task) -> {
				if (!executor.submit(task)) {
					throw new RejectedExecutionException("ScaiVault refresh queue is full");
				}
			}, metrics.getIfAvailable(() -> BusFanOutMetrics.NONE));
		}

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(MeterRegistry.class)
		@ConditionalOnBean(MeterRegistry.class)
		static class BusMetricsConfiguration {

			@Bean
			MicrometerBusFanOutMetrics scaiVaultBusFanOutMetrics(MeterRegistry registry) {
				return new MicrometerBusFanOutMetrics(registry);
			}

		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HealthIndicator.class)
	@ConditionalOnEnabledHealthIndicator("scaivault-refresh")
	static class HealthConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "scaivaultRefreshHealthIndicator")
		ScaiVaultRefreshHealthIndicator scaivaultRefreshHealthIndicator(RefreshState state) {
			return new ScaiVaultRefreshHealthIndicator(state);
		}

	}

}
