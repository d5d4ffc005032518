package ai.scailabs.scaivault.boot.autoconfigure.metrics;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ai.scailabs.scaivault.config.data.StartupAttempts;
import ai.scailabs.scaivault.config.data.StartupJitter;
import ai.scailabs.scaivault.config.data.StartupSleeper;
import ai.scailabs.scaivault.devserver.ScaiVaultDevServer;
import ai.scailabs.scaivault.devserver.faults.Fault;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.bootstrap.BootstrapRegistry;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ScaiVaultMetricsAutoConfiguration}: the conditions with an
 * {@link ApplicationContextRunner}, and the counts of a real rate-limited import in a
 * {@link SpringApplication} against a dev server.
 */
class ScaiVaultMetricsAutoConfigurationTests {

	private static final String SEED = """
			{"secrets": {"apps/shop/db": {"data": {"username": "shop"}}}}
			""";

	private static ScaiVaultDevServer server;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
				CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
				ScaiVaultMetricsAutoConfiguration.class));

	@BeforeAll
	static void startServer() {
		server = ScaiVaultDevServer.builder().rootToken("dev-root").seed(SEED).start();
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	@Test
	void startupAttemptsBeanIsBoundAsMeters() {
		this.runner.withBean(StartupAttempts.class, StartupAttempts::new).run((context) -> {
			assertThat(context).hasSingleBean(StartupAttemptsMeterBinder.class);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			for (String outcome : new String[] { "success", "rate_limited", "error" }) {
				assertThat(registry.get(StartupAttemptsMeterBinder.ATTEMPTS).tag("outcome", outcome).functionCounter()
					.count()).isZero();
			}
			assertThat(registry.get(StartupAttemptsMeterBinder.RETRIES).functionCounter().count()).isZero();
			assertThat(registry.get(StartupAttemptsMeterBinder.WAIT).timeGauge().value()).isZero();
		});
	}

	@Test
	void withoutStartupAttemptsBeanBacksOff() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(StartupAttemptsMeterBinder.class));
	}

	@Test
	void withoutMicrometerBacksOff() {
		this.runner.withClassLoader(new FilteredClassLoader("io.micrometer.core"))
			.withBean(StartupAttempts.class, StartupAttempts::new)
			.run((context) -> assertThat(context).doesNotHaveBean(StartupAttemptsMeterBinder.class));
	}

	@Test
	void userDefinedBinderIsKept() {
		this.runner.withBean(StartupAttempts.class, StartupAttempts::new)
			.withBean("custom", StartupAttemptsMeterBinder.class, () -> new StartupAttemptsMeterBinder(new StartupAttempts()))
			.run((context) -> assertThat(context).getBeanNames(StartupAttemptsMeterBinder.class).containsExactly("custom"));
	}

	@Test
	void importWhenRateLimitedOnceReportsItsAttemptsOnceTheRegistryExists() {
		server.faults().add(Fault.rateLimited(Duration.ofSeconds(2)).forPath("/v1/secrets/batch").onRequests(1));
		try (ConfigurableApplicationContext context = run()) {
			assertThat(context.getEnvironment().getProperty("username")).isEqualTo("shop");
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get(StartupAttemptsMeterBinder.ATTEMPTS).tag("outcome", "rate_limited")
				.functionCounter().count()).isOne();
			assertThat(registry.get(StartupAttemptsMeterBinder.ATTEMPTS).tag("outcome", "success")
				.functionCounter().count()).isOne();
			assertThat(registry.get(StartupAttemptsMeterBinder.ATTEMPTS).tag("outcome", "error")
				.functionCounter().count()).isZero();
			assertThat(registry.get(StartupAttemptsMeterBinder.RETRIES).functionCounter().count()).isOne();
			TimeGauge wait = registry.get(StartupAttemptsMeterBinder.WAIT).timeGauge();
			// Retry-After (2 s) plus no jitter
			assertThat(wait.value(java.util.concurrent.TimeUnit.MILLISECONDS)).isEqualTo(2000);
		}
		finally {
			server.faults().clear();
		}
	}

	private static ConfigurableApplicationContext run() {
		SpringApplication application = new SpringApplication(TestConfiguration.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.addBootstrapRegistryInitializer((registry) -> {
			registry.register(StartupSleeper.class, BootstrapRegistry.InstanceSupplier.of((duration) -> {
			}));
			registry.register(StartupJitter.class, BootstrapRegistry.InstanceSupplier.of(() -> 0));
		});
		return application.run("--spring.config.import=scaivault:apps/shop/db", "--spring.main.banner-mode=off",
				"--scaivault.base-url=" + server.baseUrl(), "--scaivault.token=dev-root");
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ MetricsAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
			ScaiVaultMetricsAutoConfiguration.class })
	static class TestConfiguration {

		@Bean
		SimpleMeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

}
