package ai.scailabs.scaivault.boot.autoconfigure.refresh.bus;

import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import ai.scailabs.scaivault.boot.autoconfigure.refresh.ScaiVaultRefresher;
import ai.scailabs.scaivault.client.subscriptions.EventTypes;
import ai.scailabs.scaivault.client.subscriptions.WebhookEvent;

import org.springframework.cloud.bus.ServiceMatcher;
import org.springframework.cloud.bus.event.Destination;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;

/**
 * Fans a secret change out to every replica. The replica that received the verified webhook has
 * already re-read the path (the single-instance flow); it then broadcasts a
 * {@link ScaiVaultSecretChangedRemoteEvent}, and every other replica re-reads the path with its own
 * client through the same targeted update ({@link ScaiVaultRefresher}), version-aware: a replica
 * that already holds that version or a newer one reads nothing.
 *
 * @author ScaiLabs
 */
public final class BusFanOut {

	/** The fan-out mode the refresh health shows. */
	public static final String MODE = "spring-cloud-bus";

	private static final Log logger = LogFactory.getLog(BusFanOut.class);

	private static final Set<String> CHANGES = Set.of(EventTypes.SECRET_ROTATED, EventTypes.SECRET_UPDATED,
			EventTypes.SECRET_CREATED);

	private final ApplicationEventPublisher publisher;

	private final ServiceMatcher matcher;

	private final Destination everyone;

	private final ScaiVaultRefresher refresher;

	private final Executor refreshThread;

	private final BusFanOutMetrics metrics;

	/**
	 * Create the fan-out.
	 * @param publisher publishes the remote event (Spring Cloud Bus sends what its replica publishes)
	 * @param matcher tells this replica's events from the others'
	 * @param everyone the destination that reaches every replica
	 * @param refresher the targeted update
	 * @param refreshThread the thread live rotation works on
	 * @param metrics the metrics
	 */
	public BusFanOut(ApplicationEventPublisher publisher, ServiceMatcher matcher, Destination everyone,
			ScaiVaultRefresher refresher, Executor refreshThread, BusFanOutMetrics metrics) {
		this.publisher = publisher;
		this.matcher = matcher;
		this.everyone = everyone;
		this.refresher = refresher;
		this.refreshThread = refreshThread;
		this.metrics = metrics;
	}

	/**
	 * Broadcast a verified, first-seen webhook that announces a new version of a secret.
	 * @param event the webhook event
	 */
	@EventListener
	public void on(WebhookEvent event) {
		String path = event.path();
		Integer version = event.version();
		if (path == null || version == null || !CHANGES.contains(event.type())) {
			return;
		}
		this.publisher.publishEvent(
				new ScaiVaultSecretChangedRemoteEvent(this, this.matcher.getBusId(), this.everyone, path, version));
		this.metrics.event("sent");
	}

	/**
	 * Re-read the path another replica announced, on the refresh thread.
	 * @param event the remote event
	 */
	@EventListener
	public void on(ScaiVaultSecretChangedRemoteEvent event) {
		if (this.matcher.isFromSelf(event)) {
			return; // this replica read it when the webhook came
		}
		this.metrics.event("received");
		String path = event.getPath();
		int version = event.getVersion();
		try {
			this.refreshThread.execute(() -> {
				if (this.refresher.refresh(path, version)) {
					this.metrics.event("applied");
				}
			});
		}
		catch (RejectedExecutionException ex) {
			logger.warn("Too many ScaiVault refresh tasks wait; version " + version + " of " + path
					+ " comes with the next poll");
		}
	}

}
