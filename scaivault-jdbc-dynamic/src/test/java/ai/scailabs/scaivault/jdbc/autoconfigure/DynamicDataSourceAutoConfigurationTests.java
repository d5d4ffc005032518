package ai.scailabs.scaivault.jdbc.autoconfigure;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import ai.scailabs.scaivault.client.ScaiVaultClient;
import ai.scailabs.scaivault.client.subscriptions.EventTypes;
import ai.scailabs.scaivault.client.subscriptions.WebhookEvent;
import ai.scailabs.scaivault.devserver.ScaiVaultDevServer;
import ai.scailabs.scaivault.devserver.junit.ScaiVaultDevServerTest;
import ai.scailabs.scaivault.jdbc.DynamicCredentialsException;
import ai.scailabs.scaivault.jdbc.LeaseEvent;
import ai.scailabs.scaivault.jdbc.LeaseManager;
import ai.scailabs.scaivault.jdbc.LeasedDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * {@link DynamicDataSourceAutoConfiguration} with the dev server's H2 engine
 * ({@code jdbc-dynamic-seed.json}: roles {@code app}, read only, and {@code owner}, admin).
 */
@ScaiVaultDevServerTest(seed = "jdbc-dynamic-seed.json")
class DynamicDataSourceAutoConfigurationTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	static ScaiVaultDevServer server;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DynamicDataSourceAutoConfiguration.class,
				DataSourceAutoConfiguration.class))
		.withUserConfiguration(ClientConfiguration.class);

	@Test
	void autoConfigureWhenEngineIsNotSetThenBacksOff() {
		this.runner.run((context) -> {
			assertThat(context).doesNotHaveBean(LeaseManager.class);
			assertThat(context).doesNotHaveBean(LeasedDataSource.class);
		});
	}

	@Test
	void autoConfigureWhenEngineIsSetThenPoolLogsInWithLeaseAndHikariSettingsApply() {
		this.runner
			.withPropertyValues("scaivault.datasource.engine=h2", "scaivault.datasource.role=app",
					"spring.datasource.hikari.maximum-pool-size=3")
			.run((context) -> {
				assertThat(context).hasSingleBean(DataSource.class);
				LeasedDataSource dataSource = context.getBean(LeasedDataSource.class);
				LeaseManager manager = context.getBean(LeaseManager.class);
				assertThat(dataSource.getMaximumPoolSize()).isEqualTo(3);
				assertThat(dataSource.getJdbcUrl()).isEqualTo(manager.connectionUrl());
				assertThat(currentUser(dataSource)).isEqualTo(manager.status().username());
			});
	}

	@Test
	void autoConfigureWhenSpringDatasourceUrlIsSetThenUsesIt() {
		this.runner
			.withPropertyValues("scaivault.datasource.engine=h2", "scaivault.datasource.role=app",
					"spring.datasource.url=jdbc:h2:mem:other")
			.run((context) -> assertThat(context.getBean(LeasedDataSource.class).getJdbcUrl())
				.isEqualTo("jdbc:h2:mem:other"));
	}

	@Test
	void autoConfigureWhenUserDefinesDataSourceThenBacksOff() {
		this.runner.withPropertyValues("scaivault.datasource.engine=h2", "scaivault.datasource.role=app")
			.withBean("dataSource", DataSource.class, SimpleDriverDataSource::new)
			.run((context) -> {
				assertThat(context).hasSingleBean(DataSource.class);
				assertThat(context).doesNotHaveBean(LeasedDataSource.class);
				assertThat(context).doesNotHaveBean(LeaseManager.class);
			});
	}

	@Test
	void autoConfigureWhenHikariIsAbsentThenBacksOff() {
		this.runner.withPropertyValues("scaivault.datasource.engine=h2", "scaivault.datasource.role=app")
			.withClassLoader(new FilteredClassLoader(HikariDataSource.class))
			.run((context) -> assertThat(context).doesNotHaveBean(LeaseManager.class));
	}

	@Test
	void healthWhenActuatorIsPresentThenUpWithLeaseAndWithoutPassword() {
		this.runner.withPropertyValues("scaivault.datasource.engine=h2", "scaivault.datasource.role=app")
			.run((context) -> {
				Health health = context.getBean(LeaseHealthIndicator.class).health();
				LeaseManager manager = context.getBean(LeaseManager.class);
				assertThat(health.getStatus()).isEqualTo(Status.UP);
				assertThat(health.getDetails()).containsEntry("leaseId", manager.status().leaseId())
					.containsEntry("username", manager.status().username())
					.containsEntry("state", "ACTIVE")
					.containsKey("remainingSeconds");
				assertThat(health.toString()).doesNotContain(manager.getCredentials().getPassword());
			});
	}

	@Test
	void healthWhenActuatorIsAbsentThenNoIndicator() {
		this.runner.withPropertyValues("scaivault.datasource.engine=h2", "scaivault.datasource.role=app")
			.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
			.run((context) -> {
				assertThat(context).hasSingleBean(LeaseManager.class);
				assertThat(context).doesNotHaveBean(LeaseHealthIndicator.class);
			});
	}

	@Test
	void healthWhenDisabledThenNoIndicator() {
		this.runner
			.withPropertyValues("scaivault.datasource.engine=h2", "scaivault.datasource.role=app",
					"management.health.scaivault-datasource.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(LeaseHealthIndicator.class));
	}

	@Test
	void metricsWhenMicrometerIsPresentThenGaugeOfRemainingTimeAndRotationCounter() {
		this.runner.withPropertyValues("scaivault.datasource.engine=h2", "scaivault.datasource.role=app")
			.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
					CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class))
			.run((context) -> {
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.get(LeaseMetrics.REMAINING).tag("role", "app").gauge().value()).isPositive();
				LeaseManager manager = context.getBean(LeaseManager.class);
				String first = manager.status().leaseId();
				manager.requestRotation("revoked");
				awaitLeaseOtherThan(manager, first);
				awaitRotationCount(registry);
			});
	}

	@Test
	void metricsWhenMicrometerIsAbsentThenNoMeters() {
		this.runner.withPropertyValues("scaivault.datasource.engine=h2", "scaivault.datasource.role=app")
			.withClassLoader(new FilteredClassLoader(MeterBinder.class))
			.run((context) -> {
				assertThat(context).hasSingleBean(LeaseManager.class);
				assertThat(context).doesNotHaveBean(LeaseMetrics.class);
			});
	}

	@Test
	void webhookWhenLeaseRevokedNamesLeaseInUseThenRotatesAndPublishesEvents() {
		this.runner.withPropertyValues("scaivault.datasource.engine=h2", "scaivault.datasource.role=app")
			.withUserConfiguration(LeaseEventsConfiguration.class)
			.run((context) -> {
				LeaseManager manager = context.getBean(LeaseManager.class);
				String first = manager.status().leaseId();
				String firstUser = currentUser(context.getBean(LeasedDataSource.class));
				context.publishEvent(new WebhookEvent("evt_other", EventTypes.LEASE_REVOKED, null, null, null,
						Instant.now(), Map.of("lease_id", "lease_somebody_else")));
				context.publishEvent(new WebhookEvent("evt_1", EventTypes.LEASE_REVOKED, "dynamic/h2/creds/app", null,
						null, Instant.now(), Map.of("lease_id", first, "reason", "revoked")));
				awaitLeaseOtherThan(manager, first);
				assertThat(currentUser(context.getBean(LeasedDataSource.class))).isNotEqualTo(firstUser);
				List<LeaseEvent> events = context.getBean(LeaseEventsConfiguration.class).events;
				awaitEvent(events, LeaseEvent.Rotated.class);
				assertThat(events).filteredOn(LeaseEvent.Rotated.class::isInstance)
					.singleElement()
					.satisfies((event) -> {
						assertThat(((LeaseEvent.Rotated) event).previousLeaseId()).isEqualTo(first);
						assertThat(((LeaseEvent.Rotated) event).reason()).isEqualTo("revoked");
					});
			});
	}

	@Test
	void flywayWhenLeasedDataSourceThenMigratesUnchanged() {
		this.runner
			.withPropertyValues("scaivault.datasource.engine=h2", "scaivault.datasource.role=owner")
			.withConfiguration(AutoConfigurations.of(FlywayAutoConfiguration.class))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				try (Connection connection = context.getBean(DataSource.class).getConnection();
						Statement statement = connection.createStatement();
						ResultSet result = statement.executeQuery("SELECT text FROM greetings WHERE id = 1")) {
					assertThat(result.next()).isTrue();
					assertThat(result.getString(1)).isEqualTo("hello");
				}
			});
	}

	@Test
	void closeContextThenClosesPoolThenRevokesLease() {
		String[] lease = new String[1];
		LeasedDataSource[] pool = new LeasedDataSource[1];
		this.runner.withPropertyValues("scaivault.datasource.engine=h2", "scaivault.datasource.role=app")
			.run((context) -> {
				lease[0] = context.getBean(LeaseManager.class).status().leaseId();
				pool[0] = context.getBean(LeasedDataSource.class);
				currentUser(pool[0]);
			});
		assertThat(pool[0].isClosed()).isTrue();
		try (ScaiVaultClient client = client()) {
			assertThat(client.dynamic().listLeases("h2").data()).noneMatch((summary) -> summary.leaseId().equals(lease[0]));
		}
	}

	@Test
	void startWhenRoleIsUnknownThenFailureAnalysisSaysWhatToDo() {
		this.runner.withPropertyValues("scaivault.datasource.engine=h2", "scaivault.datasource.role=nope")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("role 'nope'").contains("engine 'h2'");
				assertThat(analysis.getAction()).contains("scaivault.datasource.role ('nope')");
			});
	}

	@Test
	void autoConfigureWhenRetireWithinIsSetThenPolicyUsesIt() {
		this.runner
			.withPropertyValues("scaivault.datasource.engine=h2", "scaivault.datasource.role=app",
					"scaivault.datasource.retire-within=0.25")
			.run((context) -> assertThat(context.getBean(LeaseManager.class).policy().retireWithin()).isEqualTo(0.25));
	}

	@Test
	void startWhenRetireWithinIsNotAFractionThenFailureAnalysisSaysWhatItTakes() {
		this.runner
			.withPropertyValues("scaivault.datasource.engine=h2", "scaivault.datasource.role=app",
					"scaivault.datasource.retire-within=1.5")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("retireWithin", "1.5");
			});
	}

	@Test
	void startWhenRoleIsNotSetThenFailureAnalysisSaysWhatToSet() {
		this.runner.withPropertyValues("scaivault.datasource.engine=h2").run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("scaivault.datasource.role is not");
			assertThat(analysis.getAction()).contains("scaivault.datasource.role");
		});
	}

	@Test
	void startWhenScaiVaultIsDownThenFailureAnalysisSaysToCheckIt() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DynamicDataSourceAutoConfiguration.class))
			.withPropertyValues("scaivault.datasource.engine=h2", "scaivault.datasource.role=app")
			.withBean("downClient", ScaiVaultClient.class,
					() -> ScaiVaultClient.builder()
						.baseUrl("http://127.0.0.1:9")
						.token("t")
						.maxRetries(0)
						.environment((name) -> null)
						.build())
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("connection_error");
				assertThat(analysis.getAction()).contains("scaivault.base-url");
			});
	}

	private static FailureAnalysis analyze(Throwable failure) {
		DynamicCredentialsException cause = findCause(failure);
		FailureAnalysis analysis = new DynamicCredentialsFailureAnalyzer().analyze(failure);
		assertThat(analysis).as("analysis of %s", cause).isNotNull();
		return analysis;
	}

	private static DynamicCredentialsException findCause(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof DynamicCredentialsException dynamic) {
				return dynamic;
			}
		}
		return fail("No DynamicCredentialsException in " + failure);
	}

	private static String currentUser(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT CURRENT_USER")) {
			result.next();
			return result.getString(1);
		}
	}

	private static void awaitLeaseOtherThan(LeaseManager manager, String leaseId) {
		await(() -> !leaseId.equals(manager.status().leaseId()), "rotation away from " + leaseId);
	}

	private static void awaitRotationCount(MeterRegistry registry) {
		await(() -> registry.find(LeaseMetrics.ROTATIONS).tag("reason", "revoked").counter() != null, "rotation counted");
		assertThat(registry.get(LeaseMetrics.ROTATIONS).tag("reason", "revoked").counter().count()).isEqualTo(1.0);
	}

	private static void awaitEvent(List<LeaseEvent> events, Class<? extends LeaseEvent> type) {
		await(() -> events.stream().anyMatch(type::isInstance), type.getSimpleName() + " in " + events);
	}

	private static void await(BooleanSupplier condition, String what) {
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				fail("No " + what + " within " + WAIT);
			}
			pause();
		}
	}

	private static void pause() {
		try {
			Thread.sleep(20);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static ScaiVaultClient client() {
		return ScaiVaultClient.builder()
			.baseUrl(server.baseUrl())
			.token(server.rootToken())
			.environment((name) -> null)
			.build();
	}

	@Configuration(proxyBeanMethods = false)
	static class ClientConfiguration {

		@Bean(destroyMethod = "close")
		ScaiVaultClient scaiVaultClient() {
			return client();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class LeaseEventsConfiguration {

		final List<LeaseEvent> events = new CopyOnWriteArrayList<>();

		@EventListener
		void on(LeaseEvent event) {
			this.events.add(event);
		}

	}

}
