package ai.scailabs.scaivault.jdbc.autoconfigure;

import java.time.Clock;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

import ai.scailabs.scaivault.jdbc.LeaseManager;
import ai.scailabs.scaivault.jdbc.LeaseStatus;

/**
 * Health of the pool's lease: {@code UP} while it is valid (also while ScaiVault is briefly
 * unreachable and there is time left), {@code DOWN} once it is close to its end with attempts
 * failing, or ended; {@code OUT_OF_SERVICE} once closed. Details: state, engine, role, lease id,
 * user name, expiry, seconds left, retired leases and the last error code; never the password.
 */
public class LeaseHealthIndicator extends AbstractHealthIndicator {

	private final LeaseManager manager;

	private final Clock clock;

	/**
	 * @param manager the lease manager
	 * @param clock the clock
	 */
	public LeaseHealthIndicator(LeaseManager manager, Clock clock) {
		super("Lease health check failed");
		this.manager = manager;
		this.clock = clock;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		LeaseStatus status = this.manager.status();
		switch (status.state()) {
			case ACTIVE, RETRYING -> builder.up();
			case EXPIRING, EXPIRED -> builder.down();
			case CLOSED -> builder.outOfService();
			default -> builder.unknown();
		}
		builder.withDetail("state", status.state().name())
			.withDetail("engine", status.engine())
			.withDetail("role", status.role())
			.withDetail("retiredLeases", status.retiredLeases());
		if (status.leaseId() != null) {
			builder.withDetail("leaseId", status.leaseId());
		}
		if (status.username() != null) {
			builder.withDetail("username", status.username());
		}
		if (status.expiresAt() != null) {
			builder.withDetail("expiresAt", status.expiresAt().toString())
				.withDetail("remainingSeconds", status.remaining(this.clock.instant()).toSeconds());
		}
		if (status.lastError() != null) {
			builder.withDetail("lastError", status.lastError());
		}
	}

}
