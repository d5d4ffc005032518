package ai.scailabs.scaivault.boot.autoconfigure.health;

import java.time.Duration;

import ai.scailabs.scaivault.boot.autoconfigure.ScaiVaultAutoConfiguration;
import ai.scailabs.scaivault.config.ScaiVaultProperties;
import ai.scailabs.scaivault.devserver.ScaiVaultDevServer;
import ai.scailabs.scaivault.devserver.faults.Fault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the {@code scaivault.health.timeout} property of the auto-configured
 * {@link ScaiVaultHealthIndicator}.
 */
class ScaiVaultHealthTimeoutPropertyTests {

	private static ScaiVaultDevServer server;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ScaiVaultAutoConfiguration.class));

	@BeforeAll
	static void startServer() {
		server = ScaiVaultDevServer.builder().start();
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	@Test
	void healthTimeoutWhenNotSetIsTwoSeconds() {
		this.contextRunner.withPropertyValues("scaivault.base-url=" + server.baseUrl(), "scaivault.token=" + server.rootToken())
			.run((context) -> assertThat(context.getBean(ScaiVaultProperties.class).getHealth().getTimeout())
				.isEqualTo(Duration.ofSeconds(2)));
	}

	@Test
	void healthWhenTheAnswerComesAfterTheConfiguredTimeoutThenIsDownWithTimeoutAfterOneRequest() {
		// An answer 1 s late is in time for the 2 s default: only the property makes this probe time out.
		server.faults().add(Fault.latency(Duration.ofSeconds(1)).forPath("/v1/health"));
		try {
			this.contextRunner
				.withPropertyValues("scaivault.base-url=" + server.baseUrl(), "scaivault.token=" + server.rootToken(),
						"scaivault.health.timeout=200ms")
				.run((context) -> {
					server.requestLog().clear();
					Health health = context.getBean(ScaiVaultHealthIndicator.class).health();
					assertThat(health.getStatus()).isEqualTo(Status.DOWN);
					assertThat(health.getDetails()).containsEntry("error", "timeout");
					// logged when answered, after the probe gave up: at most the one request, never a retry
					assertThat(server.requestCount(null, "/v1/health")).isLessThanOrEqualTo(1);
				});
		}
		finally {
			server.faults().clear();
		}
	}

	@Test
	void healthWhenTheAnswerComesWithinTheConfiguredTimeoutThenIsUp() {
		this.contextRunner
			.withPropertyValues("scaivault.base-url=" + server.baseUrl(), "scaivault.token=" + server.rootToken(),
					"scaivault.health.timeout=10s")
			.run((context) -> assertThat(context.getBean(ScaiVaultHealthIndicator.class).health().getStatus())
				.isEqualTo(Status.UP));
	}

}
