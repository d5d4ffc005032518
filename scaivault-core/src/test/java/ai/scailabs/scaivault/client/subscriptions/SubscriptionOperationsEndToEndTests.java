package ai.scailabs.scaivault.client.subscriptions;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ai.scailabs.scaivault.client.DevServerClients;
import ai.scailabs.scaivault.client.ScaiVaultClient;
import ai.scailabs.scaivault.devserver.ScaiVaultDevServer;
import ai.scailabs.scaivault.devserver.junit.ScaiVaultDevServerTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Subscriptions against the embedded dev server: the walk-through's subscription delivers a signed
 * {@code secret.updated} event to a receiver.
 */
@ScaiVaultDevServerTest
class SubscriptionOperationsEndToEndTests {

	private static final String PATH = "integrations/salesforce/oauth";

	private static final String WEBHOOK_SECRET = "whsec_end-to-end";

	private final MockWebServer receiver = new MockWebServer();

	private ScaiVaultDevServer server;

	private ScaiVaultClient client;

	@BeforeEach
	void setUp() throws Exception {
		this.receiver.start();
		this.client = DevServerClients.rootClient(this.server);
	}

	@AfterEach
	void tearDown() {
		this.client.close();
		this.receiver.close();
	}

	@Test
	void walkThroughSubscriptionDeliversSignedEventsUntilDeleted() throws Exception {
		this.receiver.enqueue(new MockResponse(200, okhttp3.Headers.of(), "{\"ok\": true}"));
		this.server.dispatchAsRoot("PUT", "/v1/secrets/" + PATH, "{\"data\": {\"client_id\": \"3MVG9-v1\"}}");
		Subscription subscription = this.client.subscriptions()
			.create("reporting-service-sf-rotations", List.of(PATH),
					List.of(EventTypes.SECRET_ROTATED, EventTypes.SECRET_UPDATED),
					WebhookDelivery.webhook(this.receiver.url("/scaivault/events").toString(), WEBHOOK_SECRET));
		assertThat(subscription.id()).isNotBlank();
		assertThat(subscription.toString()).doesNotContain(WEBHOOK_SECRET);
		assertThat(this.client.subscriptions().list().data()).extracting(Subscription::id)
			.containsExactly(subscription.id());
		this.server.dispatchAsRoot("PUT", "/v1/secrets/" + PATH, "{\"data\": {\"client_id\": \"3MVG9-v2\"}}");
		RecordedRequest delivery = this.receiver.takeRequest(30, TimeUnit.SECONDS);
		assertThat(delivery).isNotNull();
		String body = delivery.getBody().string(StandardCharsets.UTF_8);
		assertThat(body).contains(PATH).contains(EventTypes.SECRET_UPDATED).doesNotContain("3MVG9");
		assertThat(delivery.getHeaders().get("X-ScaiVault-Signature")).isEqualTo(hmac(body));
		this.client.subscriptions().delete(subscription.id());
		assertThat(this.client.subscriptions().list().data()).isEmpty();
	}

	private static String hmac(String body) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
	}

}
