package ai.scailabs.scaivault.boot.autoconfigure.refresh;

import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.random.RandomGenerator;

import ai.scailabs.scaivault.client.ScaiVaultClient;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.StringUtils;

/**
 * Self-registration of the application's subscription, when
 * {@code scaivault.refresh.webhook.callback-url} and a webhook secret are set, in the
 * {@code scaivault.refresh.webhook.registration} mode chosen; imported by
 * {@link ScaiVaultRefreshAutoConfiguration}.
 *
 * @author ScaiLabs
 */
final class SubscriptionRegistrationConfigurations {

	static final String CALLBACK_URL = OnScaiVaultRefreshCondition.OnSelfRegistration.CALLBACK_URL_PROPERTY;

	static final String STALE_AFTER = ScaiVaultRefreshProperties.PREFIX + ".webhook.stale-after";

	/** The shortest {@code stale-after}: renewing every third of it must stay rare. */
	static final Duration MIN_STALE_AFTER = Duration.ofMinutes(1);

	private SubscriptionRegistrationConfigurations() {
	}

	static String subscriptionName(ConfigurableEnvironment environment) {
		return environment.getProperty("spring.application.name", "application") + "-scaivault-refresh";
	}

	/**
	 * One subscription for all replicas, replaced at every start.
	 */
	@Configuration(proxyBeanMethods = false)
	@Conditional(OnScaiVaultRefreshCondition.OnSharedRegistration.class)
	static class Shared {

		@Bean
		ApplicationListener<ApplicationReadyEvent> scaiVaultSubscriptionRegistrar(ScaiVaultRefreshProperties properties,
				ScaiVaultClient client, ConfigurableEnvironment environment) {
			SubscriptionRegistrar registrar = new SubscriptionRegistrar(client, new ImportedSecretSources(environment),
					subscriptionName(environment), ScaiVaultRefreshAutoConfiguration.secret(properties, environment),
					staleAfter(properties));
			// resolved once the server runs: the URL may name ${local.server.port}
			return (event) -> registrar.register(environment.getRequiredProperty(CALLBACK_URL));
		}

	}

	/**
	 * One subscription per instance, removed when it stops.
	 */
	@Configuration(proxyBeanMethods = false)
	@Conditional(OnScaiVaultRefreshCondition.OnPerInstanceRegistration.class)
	static class PerInstance {

		@Bean
		InstanceSubscriptionRegistrar scaiVaultInstanceSubscriptionRegistrar(ScaiVaultRefreshProperties properties,
				ScaiVaultClient client, ConfigurableEnvironment environment, RefreshExecutor executor,
				RefreshState state) {
			if ("none".equals(state.fanOut())) {
				state.fanOut(InstanceSubscriptionRegistrar.MODE);
			}
			return new InstanceSubscriptionRegistrar(client, new ImportedSecretSources(environment),
					subscriptionName(environment), instanceId(properties, environment, RandomGenerator.getDefault()),
					ScaiVaultRefreshAutoConfiguration.secret(properties, environment),
					() -> environment.getRequiredProperty(CALLBACK_URL), staleAfter(properties),
					executor, new Jitter(RandomGenerator.getDefault()), Clock.systemUTC());
		}

	}

	/**
	 * Return this instance's id: {@code scaivault.refresh.webhook.instance-id}, else
	 * {@code spring.application.instance_id}, else the host name with a random suffix.
	 * @param properties the properties
	 * @param environment the environment
	 * @param random the source of the suffix
	 * @return the instance id
	 */
	static String instanceId(ScaiVaultRefreshProperties properties, ConfigurableEnvironment environment,
			RandomGenerator random) {
		String id = properties.getWebhook().getInstanceId();
		if (StringUtils.hasText(id)) {
			return id.strip();
		}
		id = environment.getProperty("spring.application.instance_id");
		if (StringUtils.hasText(id)) {
			return id.strip();
		}
		String suffix = HexFormat.of().toHexDigits(random.nextInt());
		String host = environment.getProperty("HOSTNAME");
		return StringUtils.hasText(host) ? host.strip() + "-" + suffix : suffix;
	}

	private static Duration staleAfter(ScaiVaultRefreshProperties properties) {
		Duration staleAfter = properties.getWebhook().getStaleAfter();
		if (staleAfter.compareTo(MIN_STALE_AFTER) < 0) {
			throw new InvalidConfigurationPropertyValueException(STALE_AFTER, staleAfter,
					"It must be at least " + MIN_STALE_AFTER.toMinutes() + " minute: every instance re-registers every"
							+ " third of it. Set a longer duration, such as 1h.");
		}
		return staleAfter;
	}

}
