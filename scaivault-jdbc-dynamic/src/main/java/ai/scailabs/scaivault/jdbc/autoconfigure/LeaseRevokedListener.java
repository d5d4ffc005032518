package ai.scailabs.scaivault.jdbc.autoconfigure;

import org.springframework.context.event.EventListener;

import ai.scailabs.scaivault.client.subscriptions.EventTypes;
import ai.scailabs.scaivault.client.subscriptions.WebhookEvent;
import ai.scailabs.scaivault.jdbc.LeaseManager;

/**
 * Rotates the pool's lease at once when a verified {@code lease.revoked} webhook names it (the live
 * rotation feature publishes every verified delivery as a {@link WebhookEvent}).
 */
public class LeaseRevokedListener {

	private final LeaseManager manager;

	/**
	 * @param manager the lease manager
	 */
	public LeaseRevokedListener(LeaseManager manager) {
		this.manager = manager;
	}

	/**
	 * @param event a verified webhook event
	 */
	@EventListener
	public void on(WebhookEvent event) {
		String leaseId = event.dataString("lease_id");
		if (event.is(EventTypes.LEASE_REVOKED) && leaseId != null) {
			this.manager.leaseRevoked(leaseId);
		}
	}

}
