package ai.scailabs.scaivault.boot.autoconfigure.refresh.bus;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import ai.scailabs.scaivault.boot.autoconfigure.ScaiVaultAutoConfiguration;
import ai.scailabs.scaivault.boot.autoconfigure.refresh.ScaiVaultRefreshAutoConfiguration;
import ai.scailabs.scaivault.client.ScaiVaultClient;
import ai.scailabs.scaivault.client.secrets.Secret;
import ai.scailabs.scaivault.client.secrets.SecretType;
import ai.scailabs.scaivault.client.subscriptions.WebhookEvent;
import ai.scailabs.scaivault.config.env.ScaiVaultPropertySource;
import ai.scailabs.scaivault.config.env.SecretReference;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cloud.bus.BusAutoConfiguration;
import org.springframework.cloud.bus.BusBridge;
import org.springframework.cloud.bus.PathServiceMatcherAutoConfiguration;
import org.springframework.cloud.bus.event.RemoteApplicationEvent;
import org.springframework.cloud.bus.event.PathDestinationFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the Spring Cloud Bus branch of {@link ScaiVaultRefreshAutoConfiguration}, with a bus
 * whose bridge records what it would send to the broker.
 */
class BusFanOutAutoConfigurationTests {

	private static final String DEMO = "apps/demo/config";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ScaiVaultAutoConfiguration.class,
				ScaiVaultRefreshAutoConfiguration.class, PathServiceMatcherAutoConfiguration.class,
				BusAutoConfiguration.class))
		.withUserConfiguration(ClientConfiguration.class, RecordingBridgeConfiguration.class)
		.withPropertyValues("spring.cloud.bus.id=replica-a", "scaivault.refresh.poll-interval=0")
		.withInitializer(BusFanOutAutoConfigurationTests::addImport);

	@Test
	void fanOutWhenBusIsPresentThenHealthSaysSo() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(BusFanOut.class);
			assertThat(health(context)).containsEntry("fanOut", BusFanOut.MODE);
		});
	}

	@Test
	void fanOutWhenBusIsAbsentThenBacksOffAndHealthSaysNone() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ScaiVaultAutoConfiguration.class,
					ScaiVaultRefreshAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader(RemoteApplicationEvent.class))
			.withUserConfiguration(ClientConfiguration.class)
			.withInitializer(BusFanOutAutoConfigurationTests::addImport)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(BusFanOut.class);
				assertThat(health(context)).containsEntry("fanOut", "none");
			});
	}

	@Test
	void fanOutWhenBusIsDisabledThenBacksOff() {
		this.contextRunner.withPropertyValues("spring.cloud.bus.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(BusFanOut.class);
			assertThat(health(context)).containsEntry("fanOut", "none");
		});
	}

	@Test
	void webhookWhenSecretChangedThenBroadcastsPathAndVersionOnly() {
		this.contextRunner.withBean(SimpleMeterRegistry.class).run((context) -> {
			context.publishEvent(new WebhookEvent("evt_1", "secret.rotated", DEMO, 2, 1, Instant.now(), Map.of()));
			context.publishEvent(new WebhookEvent("evt_2", "rotation.due", DEMO, 2, null, Instant.now(), Map.of()));
			context.publishEvent(new WebhookEvent("evt_3", "certificate.expiring", null, null, null, Instant.now(),
					Map.of()));
			List<RemoteApplicationEvent> sent = context.getBean(RecordingBridgeConfiguration.class).sent;
			assertThat(sent).singleElement().isInstanceOfSatisfying(ScaiVaultSecretChangedRemoteEvent.class, (event) -> {
				assertThat(event.getPath()).isEqualTo(DEMO);
				assertThat(event.getVersion()).isEqualTo(2);
				assertThat(event.getOriginService()).isEqualTo("replica-a");
				assertThat(event.getDestinationService()).isEqualTo("**");
			});
			assertThat(counter(context, "sent")).isEqualTo(1);
			assertThat(counter(context, "received")).isZero();
		});
	}

	@Test
	void remoteEventWhenVersionIsAlreadyHeldThenReadsNothing() {
		this.contextRunner.withBean(SimpleMeterRegistry.class).run((context) -> {
			context.publishEvent(new ScaiVaultSecretChangedRemoteEvent(this, "replica-b",
					new PathDestinationFactory().getDestination(null), DEMO, 1));
			assertThat(counter(context, "received")).isEqualTo(1);
			assertThat(counter(context, "applied")).isZero();
			assertThat(context.getBean(RecordingBridgeConfiguration.class).sent).isEmpty();
		});
	}

	private static double counter(ConfigurableApplicationContext context, String stage) {
		MeterRegistry registry = context.getBean(MeterRegistry.class);
		var counter = registry.find(MicrometerBusFanOutMetrics.EVENTS).tag("stage", stage).counter();
		return (counter != null) ? counter.count() : 0;
	}

	private static Map<String, Object> health(ConfigurableApplicationContext context) {
		return context.getBean("scaivaultRefreshHealthIndicator", HealthIndicator.class).health(true).getDetails();
	}

	private static void addImport(ConfigurableApplicationContext context) {
		Secret secret = new Secret(DEMO, 1, Map.of("password", "pw"), SecretType.JSON, null, null, null);
		context.getEnvironment()
			.getPropertySources()
			.addLast(new ScaiVaultPropertySource("scaivault:" + DEMO,
					Map.of(new SecretReference(DEMO, null, "demo."), secret), null));
	}

	@Configuration(proxyBeanMethods = false)
	static class ClientConfiguration {

		@Bean(destroyMethod = "close")
		ScaiVaultClient scaiVaultClient() {
			return ScaiVaultClient.builder().baseUrl("http://127.0.0.1:9").token("test-token").build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class RecordingBridgeConfiguration {

		final List<RemoteApplicationEvent> sent = new CopyOnWriteArrayList<>();

		@Bean
		BusBridge recordingBusBridge() {
			return this.sent::add;
		}

	}

}
