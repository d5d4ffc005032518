package ai.scailabs.scaivault.boot.autoconfigure.refresh;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import ai.scailabs.scaivault.client.NotFoundException;
import ai.scailabs.scaivault.client.Page;
import ai.scailabs.scaivault.client.ScaiVaultClient;
import ai.scailabs.scaivault.client.ScaiVaultException;
import ai.scailabs.scaivault.client.subscriptions.Subscription;

/**
 * The subscriptions that self-registration finds and removes on ScaiVault, which offers only
 * create, list (by pages) and delete (contract section 7): so an application recognises its own by
 * name, {@code {application}-scaivault-refresh} when shared, {@code ...@{instance-id}} per instance,
 * and the stale ones by their {@code created_at}. A failed deletion is logged with its error code
 * (never a secret) and is never fatal.
 *
 * @author ScaiLabs
 */
final class Subscriptions {

	/** The reason given when a subscription makes way for its own successor. */
	static final String REPLACED = "replaced";

	/** Separates the application's subscription name from the instance id. */
	static final String INSTANCE_SEPARATOR = "@";

	private static final int PAGE_SIZE = 100;

	private static final Log logger = LogFactory.getLog(Subscriptions.class);

	private final ScaiVaultClient client;

	Subscriptions(ScaiVaultClient client) {
		this.client = client;
	}

	/**
	 * Return the name of an instance's subscription.
	 * @param name the application's subscription name
	 * @param instanceId the instance id
	 * @return {@code name@instanceId}
	 */
	static String instanceName(String name, String instanceId) {
		return name + INSTANCE_SEPARATOR + instanceId;
	}

	/**
	 * Return whether a subscription is a per-instance one of an application.
	 * @param subscription the subscription
	 * @param name the application's subscription name
	 * @return {@code true} if it is named {@code name@...}
	 */
	static boolean isInstanceOf(Subscription subscription, String name) {
		return subscription.name() != null && subscription.name().startsWith(name + INSTANCE_SEPARATOR);
	}

	/**
	 * Return whether a subscription is older than allowed, measured against a time of ScaiVault's
	 * clock (such as the {@code created_at} of a subscription just created), so that the clocks of
	 * the application and of ScaiVault need not agree.
	 * @param subscription the subscription
	 * @param now the time to measure its age at
	 * @param staleAfter the age beyond which it is stale
	 * @return {@code true} if it is stale; one without {@code created_at} never is
	 */
	static boolean isStale(Subscription subscription, Instant now, Duration staleAfter) {
		return subscription.createdAt() != null && subscription.createdAt().plus(staleAfter).isBefore(now);
	}

	/**
	 * List the subscriptions that match, oldest first.
	 * @param filter which to keep
	 * @return the subscriptions, ordered by {@code created_at}, then id
	 */
	List<Subscription> list(Predicate<Subscription> filter) {
		List<Subscription> found = new ArrayList<>();
		String cursor = null;
		do {
			Page<Subscription> page = this.client.subscriptions().list(PAGE_SIZE, cursor);
			page.data().stream().filter(filter).forEach(found::add);
			cursor = page.hasMore() ? page.cursor() : null;
		}
		while (cursor != null);
		found.sort(Comparator.comparing((Subscription subscription) -> createdAt(subscription))
			.thenComparing(Subscription::id));
		return found;
	}

	/**
	 * Delete a subscription; one already gone counts as deleted.
	 * @param subscription the subscription
	 * @param reason why, for the log (at info level, but for {@value #REPLACED}: a renewal's routine)
	 * @return {@code false} if it could not be deleted (logged)
	 */
	boolean delete(Subscription subscription, String reason) {
		try {
			this.client.subscriptions().delete(subscription.id());
			String line = "Deleted ScaiVault subscription '" + subscription.name() + "' (" + subscription.id() + "): "
					+ reason;
			if (REPLACED.equals(reason)) {
				logger.debug(line);
			}
			else {
				logger.info(line);
			}
			return true;
		}
		catch (NotFoundException ex) {
			// another instance removed it first
			return true;
		}
		catch (ScaiVaultException ex) {
			logger.warn("Could not delete ScaiVault subscription '" + subscription.name() + "' (" + subscription.id()
					+ ", " + reason + "): " + ex.getCode());
			return false;
		}
	}

	private static Instant createdAt(Subscription subscription) {
		@Nullable Instant createdAt = subscription.createdAt();
		return (createdAt != null) ? createdAt : Instant.MIN;
	}

}
