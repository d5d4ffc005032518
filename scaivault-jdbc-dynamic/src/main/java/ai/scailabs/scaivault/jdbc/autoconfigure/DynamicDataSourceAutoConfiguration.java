package ai.scailabs.scaivault.jdbc.autoconfigure;

import java.time.Clock;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

import ai.scailabs.scaivault.client.ScaiVaultClient;
import ai.scailabs.scaivault.jdbc.DynamicCredentialsException;
import ai.scailabs.scaivault.jdbc.LeaseEventPublisher;
import ai.scailabs.scaivault.jdbc.LeaseManager;
import ai.scailabs.scaivault.jdbc.LeasedDataSource;

/**
 * Auto-configuration of a HikariCP {@link DataSource} on leased ScaiVault database credentials,
 * when {@code scaivault.datasource.engine} is set and the application defines no
 * {@code DataSource} of its own. It comes before Spring Boot's {@code DataSourceAutoConfiguration},
 * which then backs off; Flyway, Liquibase, JPA and {@code JdbcTemplate} use this pool unchanged.
 *
 * <p>The lease is taken at start-up from the {@link ScaiVaultClient} bean (a failure stops the
 * start with what to do), {@code spring.datasource.hikari.*} tunes the pool, and the JDBC URL is
 * the lease's {@code connection_url} unless {@code spring.datasource.url} is set. Lease events are
 * published as application events; a {@code lease.revoked} webhook of the lease in use rotates it
 * at once. On shutdown the pool closes first, then the lease is revoked.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
		afterName = "ai.scailabs.scaivault.boot.autoconfigure.ScaiVaultAutoConfiguration")
@ConditionalOnClass(HikariDataSource.class)
@ConditionalOnProperty(prefix = "scaivault.datasource", name = "engine")
@ConditionalOnMissingBean(DataSource.class)
@EnableConfigurationProperties(DynamicDataSourceProperties.class)
public final class DynamicDataSourceAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	LeaseEventPublisher scaivaultLeaseEventPublisher(ApplicationEventPublisher applicationEvents) {
		LeaseEventPublisher events = new LeaseEventPublisher();
		events.addListener(applicationEvents::publishEvent);
		return events;
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	LeaseManager scaivaultLeaseManager(ScaiVaultClient client, DynamicDataSourceProperties properties,
			LeaseEventPublisher events) {
		String engine = (properties.getEngine() != null) ? properties.getEngine() : "";
		String role = properties.getRole();
		if (!StringUtils.hasText(role)) {
			throw new DynamicCredentialsException(engine, "", DynamicCredentialsException.INVALID_CONFIGURATION,
					"scaivault.datasource.engine is set to '" + engine + "' but scaivault.datasource.role is not");
		}
		LeaseManager manager;
		try {
			manager = LeasedDataSource.builder(client)
				.engine(engine)
				.role(role)
				.ttl(properties.getTtl())
				.renewAt(properties.getRenewAt())
				.rotateAt(properties.getRotateAt())
				.retireWithin(properties.getRetireWithin())
				.backoff(properties.getInitialBackoff(), properties.getMaxBackoff())
				.tickInterval(properties.getCheckInterval())
				.events(events)
				.clock(Clock.systemUTC())
				.buildManager();
		}
		catch (IllegalArgumentException ex) {
			throw new DynamicCredentialsException(engine, role, DynamicCredentialsException.INVALID_CONFIGURATION,
					"Invalid scaivault.datasource settings: " + ex.getMessage());
		}
		manager.start();
		return manager;
	}

	/**
	 * The pool; {@code spring.datasource.hikari.*} is bound onto it before it starts.
	 * @param manager the lease manager
	 * @param environment the environment, for {@code spring.datasource.url} and friends
	 * @return the pool
	 */
	@Bean
	@ConfigurationProperties("spring.datasource.hikari")
	LeasedDataSource dataSource(LeaseManager manager, Environment environment) {
		Binder binder = Binder.get(environment);
		LeasedDataSource dataSource = new LeasedDataSource(manager);
		dataSource.setJdbcUrl(binder.bind("spring.datasource.url", String.class).orElseGet(manager::connectionUrl));
		binder.bind("spring.datasource.driver-class-name", String.class).ifBound(dataSource::setDriverClassName);
		dataSource.setPoolName(binder.bind("spring.datasource.name", String.class)
			.orElse("scaivault-" + manager.policy().role()));
		return dataSource;
	}

	@Bean
	@ConditionalOnMissingBean
	LeaseRevokedListener scaivaultLeaseRevokedListener(LeaseManager manager) {
		return new LeaseRevokedListener(manager);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HealthIndicator.class)
	@ConditionalOnEnabledHealthIndicator("scaivault-datasource")
	static class HealthConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "scaivaultDatasourceHealthIndicator")
		LeaseHealthIndicator scaivaultDatasourceHealthIndicator(LeaseManager manager) {
			return new LeaseHealthIndicator(manager, Clock.systemUTC());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterBinder.class)
	static class MetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		LeaseMetrics scaivaultLeaseMetrics(LeaseManager manager) {
			LeaseMetrics metrics = new LeaseMetrics(manager, Clock.systemUTC());
			manager.events().addListener(metrics);
			return metrics;
		}

	}

}
