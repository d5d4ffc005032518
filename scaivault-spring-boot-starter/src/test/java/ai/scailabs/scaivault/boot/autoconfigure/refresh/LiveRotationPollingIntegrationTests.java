package ai.scailabs.scaivault.boot.autoconfigure.refresh;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import ai.scailabs.scaivault.boot.autoconfigure.refresh.RefreshTestApplication.Recorder;
import ai.scailabs.scaivault.client.ScaiVaultClient;
import ai.scailabs.scaivault.client.secrets.RotateSecretRequest;
import ai.scailabs.scaivault.devserver.ScaiVaultDevServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The polling fallback, with no webhook that can reach the application: 100 imported paths, one
 * batch request per poll (counted on the dev server), and a rotation applied by the next poll.
 */
class LiveRotationPollingIntegrationTests {

	private static final int PATHS = 100;

	private ScaiVaultDevServer server;

	private ScaiVaultClient admin;

	@BeforeEach
	void start() {
		StringBuilder seed = new StringBuilder("{\"secrets\": {");
		for (int i = 0; i < PATHS; i++) {
			seed.append((i > 0) ? "," : "").append("\"").append(path(i)).append("\": {\"data\": {\"value\": \"v1-")
				.append(i).append("\"}}");
		}
		this.server = ScaiVaultDevServer.builder().seed(seed.append("}}").toString()).start();
		this.admin = ScaiVaultClient.builder().baseUrl(this.server.baseUrl()).token(this.server.rootToken()).build();
	}

	@AfterEach
	void stop() {
		this.admin.close();
		this.server.close();
	}

	@Test
	void pollWhenNoWebhookReachesTheApplicationAppliesARotationWithinOneInterval() throws Exception {
		try (ConfigurableApplicationContext context = run("500ms")) {
			Recorder recorder = context.getBean(Recorder.class);
			int version = this.admin.secrets()
				.rotate(path(42), RotateSecretRequest.builder().newValue(Map.of("value", "v2-42")).build())
				.version();
			double requestsAtRotation = pollRequests(context);
			ScaiVaultSecretChangedEvent change = recorder.changes.poll(30, TimeUnit.SECONDS);
			double requestsAtChange = pollRequests(context);
			assertThat(change).isNotNull();
			assertThat(change.path()).isEqualTo(path(42));
			assertThat(change.newVersion()).isEqualTo(version);
			assertThat(change.changedKeys()).containsExactly("p42.value");
			assertThat(context.getEnvironment().getProperty("p42.value")).isEqualTo("v2-42");
			assertThat(context.getEnvironment().getProperty("p41.value")).isEqualTo("v1-41");
			// the poll that applied it started at most one interval after the rotation: one poll may
			// have been reading when the rotation happened, the next one saw it
			assertThat(requestsAtChange - requestsAtRotation).isLessThanOrEqualTo(2);
		}
	}

	@Test
	void pollOf100ImportedPathsSendsOneBatchRequest() {
		try (ConfigurableApplicationContext context = run("1h")) {
			SecretPoller poller = context.getBean(SecretPoller.class);
			int batchesBefore = this.server.requestCount("POST", "/v1/secrets/batch");
			int readsBefore = this.server.requestCount("GET", "/v1/secrets");
			for (int poll = 0; poll < 3; poll++) {
				poller.run();
			}
			assertThat(this.server.requestCount("POST", "/v1/secrets/batch") - batchesBefore).isEqualTo(3);
			assertThat(this.server.requestCount("GET", "/v1/secrets") - readsBefore).isZero();
			assertThat(pollRequests(context)).isEqualTo(3);
		}
	}

	private ConfigurableApplicationContext run(String pollInterval) {
		List<String> imports = new ArrayList<>();
		for (int i = 0; i < PATHS; i++) {
			imports.add(path(i) + "?prefix=p" + i + ".");
		}
		SpringApplication application = new SpringApplication(PollingApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		return application.run("--scaivault.base-url=" + this.server.baseUrl(),
				"--scaivault.token=" + this.server.rootToken(), "--spring.config.import=scaivault:" + String.join(";", imports),
				"--scaivault.refresh.poll-interval=" + pollInterval, "--spring.security.user.password=test-only");
	}

	private static double pollRequests(ConfigurableApplicationContext context) {
		return context.getBean(MeterRegistry.class)
			.find(MicrometerRefreshMetrics.POLL_REQUESTS)
			.tag("outcome", "success")
			.counters()
			.stream()
			.mapToDouble((counter) -> counter.count())
			.sum();
	}

	private static String path(int i) {
		return "poll/p" + i;
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(Recorder.class)
	static class PollingApplication {

		@Bean
		SimpleMeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

}
