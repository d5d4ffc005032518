package ai.scailabs.scaivault.boot.autoconfigure.refresh;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;

import ai.scailabs.scaivault.client.subscriptions.EventTypes;
import ai.scailabs.scaivault.client.subscriptions.WebhookEvent;

import org.springframework.context.ApplicationEventPublisher;

/**
 * Acts on a verified, first-seen event, on the refresh thread: {@code secret.rotated},
 * {@code secret.updated} and {@code secret.created} of an imported path go to the
 * {@link ScaiVaultRefresher}; {@code secret.deleted} keeps the last values and shows the path in
 * health; {@code rotation.due} becomes a {@link ScaiVaultRotationDueEvent}. Then every event is
 * published as it is, a {@link WebhookEvent}, for the application's other features (certificates,
 * leases) to react to.
 *
 * @author ScaiLabs
 */
final class WebhookEventHandler {

	private final ScaiVaultRefresher refresher;

	private final ImportedSecretSources sources;

	private final RefreshState state;

	private final RefreshMetrics metrics;

	private final ApplicationEventPublisher publisher;

	private final Clock clock;

	WebhookEventHandler(ScaiVaultRefresher refresher, ImportedSecretSources sources, RefreshState state,
			RefreshMetrics metrics, ApplicationEventPublisher publisher, Clock clock) {
		this.refresher = refresher;
		this.sources = sources;
		this.state = state;
		this.metrics = metrics;
		this.publisher = publisher;
		this.clock = clock;
	}

	void handle(WebhookEvent event) {
		this.state.eventReceived(this.clock.instant());
		try {
			this.metrics.event(act(event));
		}
		finally {
			this.publisher.publishEvent(event);
		}
	}

	private RefreshOutcome act(WebhookEvent event) {
		String path = event.path();
		if (path == null) {
			return RefreshOutcome.IGNORED;
		}
		switch (event.type()) {
			case EventTypes.SECRET_ROTATED, EventTypes.SECRET_UPDATED, EventTypes.SECRET_CREATED -> {
				return this.refresher.refresh(path, event.version(), event.occurredAt());
			}
			case EventTypes.SECRET_DELETED -> {
				if (!this.sources.isImported(path)) {
					return RefreshOutcome.IGNORED;
				}
				this.state.deleted(path);
				return RefreshOutcome.APPLIED;
			}
			case EventTypes.ROTATION_DUE -> {
				this.publisher.publishEvent(new ScaiVaultRotationDueEvent(path, event.dataString("policy_id"),
						instant(event.dataString("due_at")), event.dataString("warn_before") != null));
				return RefreshOutcome.APPLIED;
			}
			default -> {
				return RefreshOutcome.IGNORED;
			}
		}
	}

	private static @Nullable Instant instant(@Nullable String text) {
		if (text == null) {
			return null;
		}
		try {
			return Instant.parse(text);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
