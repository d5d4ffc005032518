package ai.scailabs.scaivault.boot.autoconfigure.refresh;

import java.time.Instant;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Health of live rotation: always {@code UP} (the application keeps working on its last values),
 * with the time of the last webhook event and of the last poll, the fan-out mode to other replicas
 * ({@code spring-cloud-bus}, {@code per-instance-subscriptions} or {@code none}), and the imported paths that
 * ScaiVault reports deleted. Path names only, never a value.
 *
 * @author ScaiLabs
 */
final class ScaiVaultRefreshHealthIndicator extends AbstractHealthIndicator {

	private final RefreshState state;

	ScaiVaultRefreshHealthIndicator(RefreshState state) {
		super("ScaiVault refresh health check failed");
		this.state = state;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		Instant lastEvent = this.state.lastEventAt();
		Instant lastPoll = this.state.lastPollAt();
		builder.up()
			.withDetail("lastEventAt", (lastEvent != null) ? lastEvent.toString() : "none")
			.withDetail("lastPollAt", (lastPoll != null) ? lastPoll.toString() : "none")
			.withDetail("fanOut", this.state.fanOut())
			.withDetail("deletedPaths", this.state.deletedPaths());
	}

}
