package ai.scailabs.scaivault.boot.autoconfigure.refresh;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import ai.scailabs.scaivault.client.ScaiVaultClient;
import ai.scailabs.scaivault.client.ScaiVaultException;
import ai.scailabs.scaivault.client.subscriptions.Subscription;
import ai.scailabs.scaivault.client.subscriptions.WebhookDelivery;

import org.springframework.context.SmartLifecycle;

/**
 * Per-instance self-registration ({@code scaivault.refresh.webhook.registration=per-instance}):
 * every instance keeps one subscription of its own, named {@code {application}-scaivault-refresh@
 * {instance-id}} and delivered to its own callback URL, so that a webhook reaches every replica
 * without a broker.
 * <ul>
 * <li>On start (after the web server, so {@code ${local.server.port}} resolves) it creates its
 * subscription, then again every third of {@code stale-after} (jittered), each time deleting its
 * own previous one after the new one exists. An event in between is delivered to both; the
 * receiver's replay check takes it once.</li>
 * <li>Each time it also deletes the application's per-instance subscriptions that deliver to its
 * own callback URL (an instance restarted at the same address) or are older than
 * {@code stale-after} on ScaiVault's clock (an instance that died): a live instance's never gets
 * that old.</li>
 * <li>On stop (graceful shutdown, before the web server stops) it deletes its subscription.</li>
 * </ul>
 * Failures are logged, never fatal: polling still works, and the next renewal tries again.
 *
 * @author ScaiLabs
 */
final class InstanceSubscriptionRegistrar implements SmartLifecycle {

	/** What {@code fanOut} shows in health when no bus is active. */
	static final String MODE = "per-instance-subscriptions";

	private static final Log logger = LogFactory.getLog(InstanceSubscriptionRegistrar.class);

	private final ScaiVaultClient client;

	private final Subscriptions subscriptions;

	private final ImportedSecretSources sources;

	private final String applicationName;

	private final String name;

	private final String secret;

	private final Supplier<String> callbackUrl;

	private final Duration staleAfter;

	private final Renewals renewals;

	private final Clock clock;

	private volatile boolean running;

	private @Nullable Subscription current;

	private volatile RefreshExecutor.@Nullable Repeating renewal;

	/**
	 * Create a registrar.
	 * @param client the client
	 * @param sources the imported paths
	 * @param applicationName the application's subscription name, {@code {application}-scaivault-refresh}
	 * @param instanceId this instance's id
	 * @param secret the delivery secret
	 * @param callbackUrl this instance's callback URL, resolved on start
	 * @param staleAfter the age beyond which a per-instance subscription is deleted
	 * @param renewals schedules the renewals
	 * @param clock the time, when ScaiVault answers no {@code created_at}
	 */
	InstanceSubscriptionRegistrar(ScaiVaultClient client, ImportedSecretSources sources, String applicationName,
			String instanceId, String secret, Supplier<String> callbackUrl, Duration staleAfter, Renewals renewals,
			Clock clock) {
		this.client = client;
		this.subscriptions = new Subscriptions(client);
		this.sources = sources;
		this.applicationName = applicationName;
		this.name = Subscriptions.instanceName(applicationName, instanceId);
		this.secret = secret;
		this.callbackUrl = callbackUrl;
		this.staleAfter = staleAfter;
		this.renewals = renewals;
		this.clock = clock;
	}

	/**
	 * Return the name of this instance's subscription.
	 * @return {@code {application}-scaivault-refresh@{instance-id}}
	 */
	String name() {
		return this.name;
	}

	@Override
	public void start() {
		this.running = true;
		if (this.sources.versions().isEmpty()) {
			logger.info("No ScaiVault subscription registered: no imported path can change");
			return;
		}
		register();
		this.renewal = this.renewals.every(this.staleAfter.dividedBy(3), this::register);
	}

	@Override
	public void stop() {
		this.running = false;
		RefreshExecutor.Repeating renewal = this.renewal;
		if (renewal != null) {
			renewal.cancel();
		}
		deregister();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Create this instance's subscription, then delete its previous one, those at its callback
	 * URL and the stale ones. Does nothing once stopped.
	 * @return the subscription now in place, or {@code null}
	 */
	synchronized @Nullable Subscription register() {
		if (!this.running) {
			return this.current;
		}
		List<String> paths = List.copyOf(this.sources.versions().keySet());
		if (paths.isEmpty()) {
			return null;
		}
		String url = this.callbackUrl.get();
		Subscription created;
		try {
			created = this.client.subscriptions()
				.create(this.name, paths, SubscriptionRegistrar.EVENTS, WebhookDelivery.webhook(url, this.secret));
		}
		catch (ScaiVaultException ex) {
			logger.warn("Could not register the ScaiVault subscription '" + this.name + "' (" + ex.getCode() + ")"
					+ ((this.current != null) ? "; the previous one stays" : "; rotations reach this instance by"
							+ " polling only") + ", the next renewal tries again");
			return this.current;
		}
		boolean first = this.current == null;
		this.current = created;
		removeOthers(created, url);
		if (first) {
			logger.info("ScaiVault subscription '" + this.name + "' (" + created.id() + ") delivers "
					+ SubscriptionRegistrar.EVENTS + " of " + paths.size() + " paths to " + created.delivery());
		}
		return created;
	}

	private void removeOthers(Subscription created, String url) {
		Instant now = (created.createdAt() != null) ? created.createdAt() : this.clock.instant();
		List<Subscription> others;
		try {
			others = this.subscriptions.list((subscription) -> Subscriptions.isInstanceOf(subscription,
					this.applicationName) && !subscription.id().equals(created.id()));
		}
		catch (ScaiVaultException ex) {
			logger.warn("Could not list the ScaiVault subscriptions to remove old ones (" + ex.getCode()
					+ "); the next renewal tries again");
			return;
		}
		for (Subscription other : others) {
			String reason = reason(other, url, now);
			if (reason != null && this.subscriptions.delete(other, reason) && !this.name.equals(other.name())) {
				logger.info("Deleted ScaiVault subscription '" + other.name() + "' (" + other.id() + "): " + reason);
			}
		}
	}

	private @Nullable String reason(Subscription other, String url, Instant now) {
		if (this.name.equals(other.name())) {
			return "replaced";
		}
		if (other.delivery() != null && Objects.equals(url, other.delivery().url())) {
			return "delivers to this instance's callback URL";
		}
		return Subscriptions.isStale(other, now, this.staleAfter) ? "older than " + this.staleAfter + ", stale" : null;
	}

	/**
	 * Delete this instance's subscription.
	 */
	synchronized void deregister() {
		Subscription current = this.current;
		if (current != null && this.subscriptions.delete(current, "instance stopped")) {
			logger.info("Deleted ScaiVault subscription '" + this.name + "' (" + current.id() + ")");
		}
		this.current = null;
	}

	/**
	 * Schedules a periodic task.
	 */
	@FunctionalInterface
	interface Renewals {

		/**
		 * Run a task about every period until cancelled.
		 * @param period the period
		 * @param task the task
		 * @return what cancels it
		 */
		RefreshExecutor.Repeating every(Duration period, Runnable task);

	}

}
