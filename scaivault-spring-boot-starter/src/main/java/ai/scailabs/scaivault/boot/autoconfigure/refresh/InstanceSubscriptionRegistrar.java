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
 * Failures are logged, never fatal: polling still works. While the instance holds no subscription
 * (ScaiVault was down when it started), it tries again after 15 s, then twice as long each time, up
 * to the renewal period.
 *
 * @author ScaiLabs
 */
final class InstanceSubscriptionRegistrar implements SmartLifecycle {

	/** What {@code fanOut} shows in health when no bus is active. */
	static final String MODE = "per-instance-subscriptions";

	/** The first retry of a registration that left this instance without a subscription. */
	static final Duration FIRST_RETRY = Duration.ofSeconds(15);

	private static final Log logger = LogFactory.getLog(InstanceSubscriptionRegistrar.class);

	private final ScaiVaultClient client;

	private final Subscriptions subscriptions;

	private final ImportedSecretSources sources;

	private final String applicationName;

	private final String name;

	private final String secret;

	private final Supplier<String> callbackUrl;

	private final Duration staleAfter;

	private final RefreshExecutor executor;

	private final Jitter jitter;

	private List<String> paths = List.of();

	private final Clock clock;

	private volatile boolean running;

	private @Nullable Subscription current;

	private volatile RefreshExecutor.@Nullable Repeating renewal;

	private Duration retry = FIRST_RETRY;

	/**
	 * Create a registrar.
	 * @param client the client
	 * @param sources the imported paths
	 * @param applicationName the application's subscription name, {@code {application}-scaivault-refresh}
	 * @param instanceId this instance's id
	 * @param secret the delivery secret
	 * @param callbackUrl this instance's callback URL, resolved on start
	 * @param staleAfter the age beyond which a per-instance subscription is deleted
	 * @param executor runs the renewals
	 * @param jitter spreads the renewals of replicas started together
	 * @param clock the time, when ScaiVault answers no {@code created_at}
	 */
	InstanceSubscriptionRegistrar(ScaiVaultClient client, ImportedSecretSources sources, String applicationName,
			String instanceId, String secret, Supplier<String> callbackUrl, Duration staleAfter,
			RefreshExecutor executor, Jitter jitter, Clock clock) {
		this.client = client;
		this.subscriptions = new Subscriptions(client);
		this.sources = sources;
		this.applicationName = applicationName;
		this.name = Subscriptions.instanceName(applicationName, instanceId);
		this.secret = secret;
		this.callbackUrl = callbackUrl;
		this.staleAfter = staleAfter;
		this.executor = executor;
		this.jitter = jitter;
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
		// imported paths are fixed for the life of the context
		this.paths = List.copyOf(this.sources.versions().keySet());
		this.running = true;
		if (this.paths.isEmpty()) {
			logger.info("No ScaiVault subscription registered: no imported path can change");
			return;
		}
		register();
		this.renewal = this.executor.every(this.jitter.next(nextRenewal()), () -> this.jitter.next(nextRenewal()),
				this::register);
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
		List<String> paths = this.paths;
		String url = this.callbackUrl.get();
		Subscription created;
		try {
			created = this.client.subscriptions()
				.create(this.name, paths, SubscriptionRegistrar.EVENTS, WebhookDelivery.webhook(url, this.secret));
		}
		catch (ScaiVaultException ex) {
			logger.warn("Could not register the ScaiVault subscription '" + this.name + "' (" + ex.getCode() + ")"
					+ ((this.current != null) ? "; the previous one stays, the next renewal tries again"
							: "; rotations reach this instance by polling only until a retry succeeds"));
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
			if (reason != null) {
				this.subscriptions.delete(other, reason);
			}
		}
	}

	private @Nullable String reason(Subscription other, String url, Instant now) {
		if (this.name.equals(other.name())) {
			return Subscriptions.REPLACED;
		}
		if (other.delivery() != null && Objects.equals(url, other.delivery().url())) {
			return "delivers to this instance's callback URL";
		}
		return Subscriptions.isStale(other, now, this.staleAfter) ? "older than " + this.staleAfter + ", stale" : null;
	}

	/**
	 * Return how long to wait before the next registration: a third of {@code stale-after} while
	 * this instance holds its subscription, else a retry that doubles from {@link #FIRST_RETRY} up to
	 * that period.
	 * @return the delay before the next registration
	 */
	synchronized Duration nextRenewal() {
		Duration period = this.staleAfter.dividedBy(3);
		if (this.current != null) {
			this.retry = FIRST_RETRY;
			return period;
		}
		Duration retry = (this.retry.compareTo(period) < 0) ? this.retry : period;
		this.retry = retry.multipliedBy(2);
		return retry;
	}

	/**
	 * Delete this instance's subscription.
	 */
	synchronized void deregister() {
		Subscription current = this.current;
		if (current != null) {
			this.subscriptions.delete(current, "instance stopped");
		}
		this.current = null;
	}

}
