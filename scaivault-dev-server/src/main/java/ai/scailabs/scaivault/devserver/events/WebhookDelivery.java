package ai.scailabs.scaivault.devserver.events;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Posts signed events to webhook URLs, asynchronously: a non-2xx answer, a connection error or a
 * timeout is retried with exponential backoff ({@code baseDelay}, twice that, four times ...) up to
 * {@code maxAttempts} tries. Retries of one delivery keep its {@code X-ScaiVault-Delivery} id.
 * Log lines name the subscription, the event and the status, never the body or the secret.
 */
public final class WebhookDelivery implements AutoCloseable {

	/** Default first retry delay: 1 s (then 2 s, 4 s ...). */
	public static final Duration DEFAULT_BASE_DELAY = Duration.ofSeconds(1);

	/** Default number of tries. */
	public static final int DEFAULT_MAX_ATTEMPTS = 8;

	/** Default time an attempt may take. */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

	private static final System.Logger logger = System.getLogger(WebhookDelivery.class.getName());

	private final Duration baseDelay;

	private final int maxAttempts;

	private final Duration timeout;

	private final ExecutorService executor;

	private final ScheduledExecutorService scheduler;

	private final HttpClient client;

	private final AtomicLong delivered = new AtomicLong();

	private final AtomicLong failed = new AtomicLong();

	public WebhookDelivery() {
		this(DEFAULT_BASE_DELAY, DEFAULT_MAX_ATTEMPTS, DEFAULT_TIMEOUT);
	}

	/**
	 * @param baseDelay the delay before the first retry (tests use a few milliseconds)
	 * @param maxAttempts how many tries in all
	 * @param timeout how long one try may take
	 */
	public WebhookDelivery(Duration baseDelay, int maxAttempts, Duration timeout) {
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("maxAttempts must be at least 1");
		}
		this.baseDelay = baseDelay;
		this.maxAttempts = maxAttempts;
		this.timeout = timeout;
		this.executor = Executors.newCachedThreadPool(daemonThreads("scaivault-dev-webhook"));
		this.scheduler = Executors.newSingleThreadScheduledExecutor(daemonThreads("scaivault-dev-webhook-retry"));
		this.client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(timeout)
			.executor(this.executor)
			.build();
	}

	/**
	 * Deliver a body to a subscription; returns at once.
	 * @param subscription the subscription
	 * @param eventType the event type, for {@code X-ScaiVault-Event}
	 * @param deliveryId the delivery id, for {@code X-ScaiVault-Delivery}
	 * @param body the exact body bytes, which are signed
	 */
	public void deliver(Subscription subscription, String eventType, String deliveryId, byte[] body) {
		HttpRequest request = HttpRequest.newBuilder(subscription.url())
			.timeout(this.timeout)
			.header("Content-Type", "application/json")
			.header(WebhookSigner.SIGNATURE_HEADER, WebhookSigner.sign(subscription.secret(), body))
			.header("X-ScaiVault-Event", eventType)
			.header("X-ScaiVault-Delivery", deliveryId)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		attempt(subscription, request, deliveryId, 1);
	}

	/** @return how many deliveries a receiver accepted */
	public long deliveredCount() {
		return this.delivered.get();
	}

	/** @return how many deliveries were given up after the last try */
	public long failedCount() {
		return this.failed.get();
	}

	private void attempt(Subscription subscription, HttpRequest request, String deliveryId, int attempt) {
		if (this.executor.isShutdown()) {
			return;
		}
		try {
			this.client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, ex) -> {
				if (ex == null && response.statusCode() / 100 == 2) {
					this.delivered.incrementAndGet();
					return;
				}
				String outcome = (ex != null) ? ex.getClass().getSimpleName() : "HTTP " + response.statusCode();
				retry(subscription, request, deliveryId, attempt, outcome);
			});
		}
		catch (RuntimeException ex) {
			retry(subscription, request, deliveryId, attempt, ex.getClass().getSimpleName());
		}
	}

	private void retry(Subscription subscription, HttpRequest request, String deliveryId, int attempt, String outcome) {
		if (attempt >= this.maxAttempts) {
			this.failed.incrementAndGet();
			logger.log(System.Logger.Level.WARNING, "Gave up delivery " + deliveryId + " to subscription "
					+ subscription.id() + " after " + attempt + " tries (last: " + outcome + ")");
			return;
		}
		long delay = this.baseDelay.toMillis() << Math.min(attempt - 1, 30);
		logger.log(System.Logger.Level.DEBUG, "Delivery " + deliveryId + " to subscription " + subscription.id()
				+ " failed (" + outcome + "), try " + (attempt + 1) + " in " + delay + " ms");
		try {
			this.scheduler.schedule(() -> attempt(subscription, request, deliveryId, attempt + 1), delay,
					TimeUnit.MILLISECONDS);
		}
		catch (RuntimeException ex) {
			// shut down
		}
	}

	@Override
	public void close() {
		this.scheduler.shutdownNow();
		this.executor.shutdownNow();
	}

	private static ThreadFactory daemonThreads(String name) {
		AtomicInteger count = new AtomicInteger();
		return (runnable) -> {
			Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

}
