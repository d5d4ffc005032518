package ai.scailabs.scaivault.jdbc.autoconfigure;

import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import ai.scailabs.scaivault.client.ScaiVaultClient;
import ai.scailabs.scaivault.client.dynamic.DynamicRoleRequest;
import ai.scailabs.scaivault.devserver.ScaiVaultDevServer;
import ai.scailabs.scaivault.jdbc.LeaseManager;
import ai.scailabs.scaivault.jdbc.LeaseStatus;
import ai.scailabs.scaivault.jdbc.LeasedDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * {@link LeaseHealthIndicator} through a lease's life: UP while valid, DOWN once ScaiVault has been
 * unreachable until close to the lease's end, OUT_OF_SERVICE once closed.
 */
class LeaseHealthIndicatorTests {

	@Test
	void healthWhenScaiVaultStaysDownUntilNearTheEndThenDown() {
		ScaiVaultDevServer server = ScaiVaultDevServer.builder().start();
		server.seed("{\"engines\": [{\"name\": \"h2\", \"type\": \"h2\"}]}");
		try (ScaiVaultClient client = ScaiVaultClient.builder()
			.baseUrl(server.baseUrl())
			.token(server.rootToken())
			.maxRetries(0)
			.environment((name) -> null)
			.build()) {
			client.dynamic()
				.createRole("h2", DynamicRoleRequest.withDefaultStatements("app", Duration.ofSeconds(4), Duration.ofHours(1)));
			LeaseManager manager = LeasedDataSource.builder(client)
				.engine("h2")
				.role("app")
				.ttl(Duration.ofSeconds(4))
				.backoff(Duration.ofMillis(100), Duration.ofMillis(500))
				.tickInterval(Duration.ofMillis(50))
				.buildManager();
			manager.start();
			LeaseHealthIndicator indicator = new LeaseHealthIndicator(manager, Clock.systemUTC());
			assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
			server.close();
			long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			while (manager.status().state() == LeaseStatus.State.ACTIVE
					|| manager.status().state() == LeaseStatus.State.RETRYING) {
				if (System.nanoTime() > deadline) {
					fail("Still " + manager.status().state() + " after 60s");
				}
				Thread.onSpinWait();
			}
			Health down = indicator.health();
			assertThat(down.getStatus()).isEqualTo(Status.DOWN);
			assertThat(down.getDetails()).containsEntry("lastError", "connection_error")
				.containsEntry("leaseId", manager.status().leaseId());
			manager.close();
			assertThat(indicator.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
		}
		finally {
			server.close();
		}
	}

}
