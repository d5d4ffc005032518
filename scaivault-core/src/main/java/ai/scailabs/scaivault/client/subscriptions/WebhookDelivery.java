package ai.scailabs.scaivault.client.subscriptions;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import ai.scailabs.scaivault.client.http.Urls;

/**
 * Where and how a subscription delivers its events. {@link #toString()} never shows the secret.
 *
 * @param type delivery type, {@code webhook}
 * @param url the receiver's URL
 * @param secret the key of the events' HMAC-SHA256 signatures (secret: {@code null} in answers that
 * leave it out)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookDelivery(String type, String url, @Nullable String secret) {

	/** The webhook delivery type. */
	public static final String WEBHOOK = "webhook";

	public WebhookDelivery {
		type = (type != null) ? type : WEBHOOK;
		Objects.requireNonNull(url, "url must not be null");
	}

	/**
	 * Return a webhook delivery.
	 * @param url the receiver's URL
	 * @param secret the signing secret, such as {@code whsec_...}
	 * @return the delivery
	 */
	public static WebhookDelivery webhook(String url, String secret) {
		return new WebhookDelivery(WEBHOOK, url, secret);
	}

	@Override
	public String toString() {
		return "WebhookDelivery[type=" + this.type + ", url=" + Urls.redact(this.url)
				+ ((this.secret != null) ? ", secret=(redacted)" : "") + "]";
	}

}
