package ai.scailabs.scaivault.boot.autoconfigure.refresh;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import ai.scailabs.scaivault.client.ScaiVaultClient;
import ai.scailabs.scaivault.client.ScaiVaultException;
import ai.scailabs.scaivault.client.subscriptions.EventTypes;
import ai.scailabs.scaivault.client.subscriptions.Subscription;
import ai.scailabs.scaivault.client.subscriptions.WebhookDelivery;

/**
 * Shared self-registration: once the application is ready (its port known), creates its
 * subscription for exactly the paths it imported and the events live rotation acts on, delivered
 * to {@code scaivault.refresh.webhook.callback-url} and signed with
 * {@code scaivault.refresh.webhook.secret}. Then removes every other subscription of the same name,
 * keeping the newest: a restart replaces the subscription (its paths or secret may have changed),
 * and replicas starting together all keep the same one, so there is never more than one. Stale
 * per-instance subscriptions of the application (left by a former
 * {@code registration=per-instance}) are removed too. Failing (such as {@code access_denied} on
 * {@code sys/subscriptions}) is logged, never fatal: polling still works.
 *
 * @author ScaiLabs
 * @see InstanceSubscriptionRegistrar
 */
final class SubscriptionRegistrar {

	static final List<String> EVENTS = List.of(EventTypes.SECRET_CREATED, EventTypes.SECRET_UPDATED,
			EventTypes.SECRET_ROTATED, EventTypes.SECRET_DELETED, EventTypes.ROTATION_DUE);

	private static final Log logger = LogFactory.getLog(SubscriptionRegistrar.class);

	private final ScaiVaultClient client;

	private final Subscriptions subscriptions;

	private final ImportedSecretSources sources;

	private final String name;

	private final String secret;

	private final Duration staleAfter;

	SubscriptionRegistrar(ScaiVaultClient client, ImportedSecretSources sources, String name, String secret,
			Duration staleAfter) {
		this.client = client;
		this.subscriptions = new Subscriptions(client);
		this.sources = sources;
		this.name = name;
		this.secret = secret;
		this.staleAfter = staleAfter;
	}

	/**
	 * Create the subscription and remove the older ones of the same name.
	 * @param callbackUrl the URL ScaiVault delivers to
	 * @return the subscription kept, or {@code null} if none could be registered
	 */
	@Nullable Subscription register(String callbackUrl) {
		List<String> paths = List.copyOf(this.sources.versions().keySet());
		if (paths.isEmpty()) {
			logger.info("No ScaiVault subscription registered: no imported path can change");
			return null;
		}
		try {
			Subscription created = this.client.subscriptions()
				.create(this.name, paths, EVENTS, WebhookDelivery.webhook(callbackUrl, this.secret));
			List<Subscription> named = this.subscriptions.list((subscription) -> this.name.equals(subscription.name())
					|| Subscriptions.isInstanceOf(subscription, this.name));
			List<Subscription> shared = named.stream().filter((s) -> this.name.equals(s.name())).toList();
			Subscription kept = shared.isEmpty() ? created : shared.get(shared.size() - 1);
			Instant now = (created.createdAt() != null) ? created.createdAt() : Instant.MIN;
			for (Subscription other : named) {
				if (!other.id().equals(kept.id()) && (this.name.equals(other.name())
						|| Subscriptions.isStale(other, now, this.staleAfter))) {
					this.subscriptions.delete(other, this.name.equals(other.name()) ? Subscriptions.REPLACED : "stale");
				}
			}
			logger.info("ScaiVault subscription '" + this.name + "' (" + kept.id() + ") delivers " + EVENTS + " of "
					+ paths.size() + " paths to " + kept.delivery());
			return kept;
		}
		catch (ScaiVaultException ex) {
			logger.warn("Could not register the ScaiVault subscription '" + this.name + "' (" + ex.getCode()
					+ "); rotations reach the application by polling only");
			return null;
		}
	}

}
