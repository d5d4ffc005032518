package ai.scailabs.scaivault.devserver.events;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import ai.scailabs.scaivault.test.Waits;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookDeliveryTests {

	@Test
	void deliverGivesUpAfterMaxAttempts() throws Exception {
		try (WebhookReceiver receiver = new WebhookReceiver();
				WebhookDelivery delivery = new WebhookDelivery(Duration.ofMillis(1), 3, Duration.ofSeconds(5))) {
			receiver.answer(500, 500, 500, 500);
			delivery.deliver(subscription(receiver.url()), "secret.updated", "dlv_1",
					"{}".getBytes(StandardCharsets.UTF_8));
			for (int i = 0; i < 3; i++) {
				assertThat(receiver.next().header("X-ScaiVault-Delivery")).isEqualTo("dlv_1");
			}
			Waits.until(() -> delivery.failedCount() > 0, "the delivery to fail");
			assertThat(receiver.pending()).isZero();
			assertThat(delivery.deliveredCount()).isZero();
		}
	}

	@Test
	void deliverRetriesWhenReceiverIsUnreachable() throws Exception {
		WebhookReceiver receiver = new WebhookReceiver();
		String url = receiver.url();
		receiver.close();
		try (WebhookDelivery delivery = new WebhookDelivery(Duration.ofMillis(1), 2, Duration.ofSeconds(5))) {
			delivery.deliver(subscription(url), "secret.updated", "dlv_2", "{}".getBytes(StandardCharsets.UTF_8));
			Waits.until(() -> delivery.failedCount() > 0, "the delivery to fail");
			assertThat(delivery.deliveredCount()).isZero();
		}
	}

	@Test
	void deliverRetriesAfterTimeoutWithSameDeliveryId() throws Exception {
		try (WebhookReceiver receiver = new WebhookReceiver();
				WebhookDelivery delivery = new WebhookDelivery(Duration.ofMillis(1), 3, Duration.ofMillis(200))) {
			receiver.hold();
			delivery.deliver(subscription(receiver.url()), "secret.updated", "dlv_3",
					"{}".getBytes(StandardCharsets.UTF_8));
			assertThat(receiver.next().header("X-ScaiVault-Delivery")).isEqualTo("dlv_3");
			assertThat(receiver.next().header("X-ScaiVault-Delivery")).isEqualTo("dlv_3");
			receiver.release();
		}
	}

	private static Subscription subscription(String url) {
		return new Subscription("sub_1", "test", List.of(PathGlob.parse("paths", "**")), List.of("secret.updated"),
				URI.create(url), "whsec_test", Instant.now());
	}

}
