package ai.scailabs.scaivault.boot.autoconfigure.refresh;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import ai.scailabs.scaivault.client.NotFoundException;
import ai.scailabs.scaivault.client.Page;
import ai.scailabs.scaivault.client.ScaiVaultClient;
import ai.scailabs.scaivault.client.ScaiVaultException;
import ai.scailabs.scaivault.client.subscriptions.EventTypes;
import ai.scailabs.scaivault.client.subscriptions.Subscription;
import ai.scailabs.scaivault.client.subscriptions.WebhookDelivery;

/**
 * Self-registration: once the application is ready (its port known), creates its subscription
 * for exactly the paths it imported and the events live rotation acts on, delivered to
 * {@code scaivault.refresh.webhook.callback-url} and signed with
 * {@code scaivault.refresh.webhook.secret}. Then removes every other subscription of the same name,
 * keeping the newest: a restart replaces the subscription (its paths or secret may have changed),
 * and replicas starting together all keep the same one, so there is never more than one.
 * Failing (such as {@code access_denied} on {@code sys/subscriptions}) is logged, never fatal:
 * polling still works.
 *
 * @author ScaiLabs
 */
final class SubscriptionRegistrar {

	static final List<String> EVENTS = List.of(EventTypes.SECRET_CREATED, EventTypes.SECRET_UPDATED,
			EventTypes.SECRET_ROTATED, EventTypes.SECRET_DELETED, EventTypes.ROTATION_DUE);

	private static final int PAGE_SIZE = 100;

	private static final Log logger = LogFactory.getLog(SubscriptionRegistrar.class);

	private final ScaiVaultClient client;

	private final ImportedSecretSources sources;

	private final String name;

	private final String secret;

	SubscriptionRegistrar(ScaiVaultClient client, ImportedSecretSources sources, String name, String secret) {
		this.client = client;
		this.sources = sources;
		this.name = name;
		this.secret = secret;
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
			List<Subscription> named = named();
			if (named.isEmpty()) {
				named = List.of(created);
			}
			Subscription kept = named.get(named.size() - 1);
			for (Subscription other : named.subList(0, named.size() - 1)) {
				delete(other);
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

	private List<Subscription> named() {
		List<Subscription> named = new ArrayList<>();
		String cursor = null;
		do {
			Page<Subscription> page = this.client.subscriptions().list(PAGE_SIZE, cursor);
			page.data().stream().filter((subscription) -> this.name.equals(subscription.name())).forEach(named::add);
			cursor = page.hasMore() ? page.cursor() : null;
		}
		while (cursor != null);
		named.sort(Comparator.comparing((Subscription subscription) -> createdAt(subscription))
			.thenComparing(Subscription::id));
		return named;
	}

	private static Instant createdAt(Subscription subscription) {
		return (subscription.createdAt() != null) ? subscription.createdAt() : Instant.MIN;
	}

	private void delete(Subscription subscription) {
		try {
			this.client.subscriptions().delete(subscription.id());
		}
		catch (NotFoundException ex) {
			// another replica removed it first
		}
	}

}
