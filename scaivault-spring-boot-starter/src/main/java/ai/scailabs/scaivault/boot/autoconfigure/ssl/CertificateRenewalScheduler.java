package ai.scailabs.scaivault.boot.autoconfigure.ssl;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import ai.scailabs.scaivault.client.subscriptions.EventTypes;
import ai.scailabs.scaivault.client.subscriptions.WebhookEvent;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.ssl.SslBundleRegistry;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;

/**
 * Renews each ScaiVault SSL bundle before its certificate expires and hands the new certificate
 * to the servers with {@link SslBundleRegistry#updateBundle}. A failed renewal keeps the current
 * certificate and is retried with backoff. A {@code certificate.expiring} webhook event, or a
 * revocation, renews the certificate at once. All renewals run on one thread, one at a time.
 */
public final class CertificateRenewalScheduler implements SmartInitializingSingleton, SmartLifecycle {

	/** Type of the webhook event of a revoked certificate, should the service send one. */
	static final String CERTIFICATE_REVOKED = "certificate.revoked";

	private static final Log logger = LogFactory.getLog(CertificateRenewalScheduler.class);

	private static final Duration FIRST_RETRY = Duration.ofSeconds(1);

	private static final Duration MAX_RETRY = Duration.ofMinutes(1);

	private final Map<String, ScaiVaultSslBundle> bundles;

	private final SslBundleRegistry registry;

	private final ApplicationEventPublisher events;

	private final Duration revocationCheckInterval;

	private final Clock clock;

	private final Map<String, ScheduledFuture<?>> renewals = new ConcurrentHashMap<>();

	private final Map<String, Integer> failures = new ConcurrentHashMap<>();

	private volatile @Nullable ScheduledExecutorService executor;

	CertificateRenewalScheduler(Map<String, ScaiVaultSslBundle> bundles, SslBundleRegistry registry,
			ApplicationEventPublisher events, Duration revocationCheckInterval, Clock clock) {
		this.bundles = Map.copyOf(bundles);
		this.registry = registry;
		this.events = events;
		this.revocationCheckInterval = revocationCheckInterval;
		this.clock = clock;
	}

	/**
	 * Issue every bundle's first certificate that is not issued yet (they are issued as they are
	 * registered, unless the client trusts a bundle of its own), so that a bundle that cannot be
	 * issued fails the start-up.
	 */
	@Override
	public void afterSingletonsInstantiated() {
		this.bundles.values().forEach(ScaiVaultSslBundle::issueIfNeeded);
	}

	@Override
	public void start() {
		ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "scaivault-ssl-renewal");
			thread.setDaemon(true);
			return thread;
		});
		this.executor = scheduler;
		for (ScaiVaultSslBundle bundle : this.bundles.values()) {
			scheduler.execute(() -> schedule(bundle, bundle.renewAt(bundle.issueIfNeeded())));
		}
		if ((!this.revocationCheckInterval.isNegative() && !this.revocationCheckInterval.isZero())) {
			long millis = this.revocationCheckInterval.toMillis();
			scheduler.scheduleWithFixedDelay(this::checkRevocations, millis, millis, TimeUnit.MILLISECONDS);
		}
	}

	@Override
	public void stop() {
		ScheduledExecutorService scheduler = this.executor;
		this.executor = null;
		if (scheduler != null) {
			scheduler.shutdownNow();
		}
		this.renewals.clear();
	}

	@Override
	public boolean isRunning() {
		return this.executor != null;
	}

	/**
	 * Renew a bundle's certificate now, on the renewal thread.
	 * @param bundleName the bundle name
	 * @throws IllegalArgumentException when there is no ScaiVault bundle of that name
	 */
	public void renewNow(String bundleName) {
		ScaiVaultSslBundle bundle = this.bundles.get(bundleName);
		if (bundle == null) {
			throw new IllegalArgumentException("There is no ScaiVault SSL bundle named '" + bundleName
					+ "'; the bundles are " + this.bundles.keySet());
		}
		ScheduledExecutorService scheduler = this.executor;
		if (scheduler != null) {
			scheduler.execute(() -> renew(bundle));
		}
	}

	/**
	 * Renew at once the bundle whose certificate a {@code certificate.expiring} (or
	 * {@code certificate.revoked}) webhook event names.
	 * @param event a verified webhook event
	 */
	@EventListener
	public void onWebhookEvent(WebhookEvent event) {
		if (!event.is(EventTypes.CERTIFICATE_EXPIRING) && !event.is(CERTIFICATE_REVOKED)) {
			return;
		}
		String serial = event.dataString("serial_number");
		if (serial == null) {
			return;
		}
		for (ScaiVaultSslBundle bundle : this.bundles.values()) {
			CertificateMaterial material = bundle.peek();
			if (material != null && material.hasSerialNumber(serial)) {
				logger.info("SSL bundle '" + bundle.getName() + "': " + event.type() + " for certificate " + serial
						+ ", renewing now");
				renewNow(bundle.getName());
			}
		}
	}

	private void renew(ScaiVaultSslBundle bundle) {
		String name = bundle.getName();
		CertificateMaterial previous = bundle.peek();
		try {
			CertificateMaterial material = bundle.renew();
			this.registry.updateBundle(name, bundle);
			this.failures.remove(name);
			this.events.publishEvent(new CertificateRenewedEvent(name,
					(previous != null) ? previous.serialNumber() : material.serialNumber(), material.serialNumber(),
					material.notBefore(), material.notAfter()));
			logger.info("SSL bundle '" + name + "': renewed certificate " + material.serialNumber()
					+ ", valid until " + material.notAfter());
			schedule(bundle, bundle.renewAt(material));
		}
		catch (RuntimeException ex) {
			int attempt = this.failures.merge(name, 1, Integer::sum);
			Duration backoff = backoff(attempt);
			Instant retryAt = this.clock.instant().plus(backoff);
			CertificateMaterial current = bundle.peek();
			logger.warn("SSL bundle '" + name + "': renewal failed (attempt " + attempt + "), keeping certificate "
					+ ((current != null) ? current.serialNumber() : null) + ", retrying at " + retryAt + ": "
					+ ex.getMessage());
			if (current != null) {
				this.events.publishEvent(new CertificateRenewalFailedEvent(name, current.serialNumber(),
						current.notAfter(), String.valueOf(ex.getMessage()), retryAt));
			}
			schedule(bundle, retryAt);
		}
	}

	static Duration backoff(int attempt) {
		Duration delay = FIRST_RETRY.multipliedBy(1L << Math.min(attempt - 1, 16));
		return (delay.compareTo(MAX_RETRY) > 0) ? MAX_RETRY : delay;
	}

	private void schedule(ScaiVaultSslBundle bundle, Instant at) {
		ScheduledExecutorService scheduler = this.executor;
		if (scheduler == null) {
			return;
		}
		ScheduledFuture<?> previous = this.renewals.remove(bundle.getName());
		if (previous != null) {
			previous.cancel(false);
		}
		long delay = Math.max(0, Duration.between(this.clock.instant(), at).toMillis());
		this.renewals.put(bundle.getName(), scheduler.schedule(() -> renew(bundle), delay, TimeUnit.MILLISECONDS));
	}

	private void checkRevocations() {
		for (ScaiVaultSslBundle bundle : this.bundles.values()) {
			CertificateMaterial material = bundle.peek();
			try {
				if (material != null && bundle.issuer().isRevoked(material)) {
					logger.info("SSL bundle '" + bundle.getName() + "': certificate " + material.serialNumber()
							+ " is revoked or no longer valid, renewing now");
					renew(bundle);
				}
			}
			catch (RuntimeException ex) {
				logger.debug("SSL bundle '" + bundle.getName() + "': revocation check failed: " + ex.getMessage());
			}
		}
	}

}
