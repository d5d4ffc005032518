package ai.scailabs.scaivault.boot.autoconfigure.refresh;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import ai.scailabs.scaivault.boot.autoconfigure.refresh.WebhookEventReader.InvalidWebhookException;
import ai.scailabs.scaivault.client.subscriptions.WebhookEvent;

/**
 * The webhook endpoint without its web stack: checks a delivery and hands it over, in the order
 * that keeps unauthenticated input away from the parser.
 * <ol>
 * <li>a body over {@value #MAX_BODY_BYTES} bytes: {@code 413};</li>
 * <li>a missing or wrong {@code X-ScaiVault-Signature}: {@code 401};</li>
 * <li>not JSON, or a required field missing: {@code 400};</li>
 * <li>{@code occurred_at} further than {@code max-age} from now: {@code 400} ({@code stale});</li>
 * <li>an event id already accepted: {@code 409} ({@code replayed});</li>
 * <li>else the event is handed to the refresh thread and answered {@code 202} at once; a full
 * queue answers {@code 503}, so that ScaiVault retries.</li>
 * </ol>
 * None of these answers or log lines quotes the body.
 *
 * @author ScaiLabs
 */
final class WebhookReceiver {

	/** Largest body accepted: 64 KiB. */
	static final int MAX_BODY_BYTES = 64 * 1024;

	private static final Log logger = LogFactory.getLog(WebhookReceiver.class);

	private final WebhookSignatures signatures;

	private final WebhookEventReader reader = new WebhookEventReader();

	private final ReplayGuard replays = new ReplayGuard();

	private final Duration maxAge;

	private final Clock clock;

	private final Predicate<WebhookEvent> handoff;

	private final RefreshMetrics metrics;

	/**
	 * Create a receiver.
	 * @param signatures the signature check
	 * @param maxAge how far {@code occurred_at} may be from now
	 * @param clock the clock
	 * @param handoff takes a verified event for processing off the request thread; {@code false}
	 * when it cannot take more now
	 * @param metrics where outcomes are counted
	 */
	WebhookReceiver(WebhookSignatures signatures, Duration maxAge, Clock clock, Predicate<WebhookEvent> handoff,
			RefreshMetrics metrics) {
		this.signatures = signatures;
		this.maxAge = maxAge;
		this.clock = clock;
		this.handoff = handoff;
		this.metrics = metrics;
	}

	/**
	 * Answer a delivery whose body is too large to be read.
	 * @return the {@code 413} answer
	 */
	WebhookAnswer tooLarge() {
		return reject(413, "payload_too_large", "The body is larger than " + MAX_BODY_BYTES + " bytes");
	}

	/**
	 * Check a delivery and hand it over.
	 * @param body the raw body
	 * @param signature the {@code X-ScaiVault-Signature} header, or {@code null}
	 * @return the answer
	 */
	WebhookAnswer receive(byte[] body, @Nullable String signature) {
		if (body.length > MAX_BODY_BYTES) {
			return tooLarge();
		}
		if (!this.signatures.verify(body, signature)) {
			return reject(401, "invalid_signature", "The X-ScaiVault-Signature header does not match the body");
		}
		WebhookEvent event;
		try {
			event = this.reader.read(body);
		}
		catch (InvalidWebhookException ex) {
			return reject(400, "invalid_event", "Malformed event: " + ex.getMessage());
		}
		Instant now = this.clock.instant();
		if (event.occurredAt().isBefore(now.minus(this.maxAge)) || event.occurredAt().isAfter(now.plus(this.maxAge))) {
			this.metrics.event(RefreshOutcome.STALE);
			logger.warn("Rejected ScaiVault event " + event.id() + " (" + event.type() + "): occurred_at "
					+ event.occurredAt() + " is more than " + this.maxAge + " from now");
			return new WebhookAnswer(400, "stale", "occurred_at is more than " + this.maxAge + " from now");
		}
		if (!this.replays.firstSeen(event.id(), now, event.occurredAt().plus(this.maxAge).plus(this.maxAge))) {
			this.metrics.event(RefreshOutcome.REPLAYED);
			logger.debug("Ignored ScaiVault event " + event.id() + ": seen before");
			return new WebhookAnswer(409, "replayed", "This event was received before");
		}
		if (!this.handoff.test(event)) {
			this.replays.forget(event.id());
			return new WebhookAnswer(503, "busy", "Too many events waiting; retry later");
		}
		return WebhookAnswer.accepted();
	}

	private WebhookAnswer reject(int status, String code, String message) {
		this.metrics.event(RefreshOutcome.REJECTED);
		logger.warn("Rejected a ScaiVault webhook delivery (" + status + " " + code + ")");
		return new WebhookAnswer(status, code, message);
	}

}
