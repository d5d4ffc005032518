package ai.scailabs.scaivault.boot.autoconfigure.metrics;

import io.micrometer.core.instrument.binder.MeterBinder;

import ai.scailabs.scaivault.config.data.StartupAttempts;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of the
 * metrics of the {@code scaivault:} import: its start-up attempts, counted at bootstrap and
 * promoted as the bean {@value StartupAttempts#BEAN_NAME}, published as
 * {@code scaivault.config.startup.*} meters (Spring Boot binds every {@link MeterBinder} to the
 * application's registries).
 *
 * @author ScaiLabs
 */
@AutoConfiguration(
		afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass(MeterBinder.class)
@ConditionalOnBean(StartupAttempts.class)
public final class ScaiVaultMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	StartupAttemptsMeterBinder scaiVaultStartupAttemptsMeterBinder(StartupAttempts attempts) {
		return new StartupAttemptsMeterBinder(attempts);
	}

}
