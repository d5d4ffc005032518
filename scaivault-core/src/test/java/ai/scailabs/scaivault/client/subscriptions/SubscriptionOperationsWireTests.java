package ai.scailabs.scaivault.client.subscriptions;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

import ai.scailabs.scaivault.client.AbstractWireTests;
import ai.scailabs.scaivault.client.Page;
import ai.scailabs.scaivault.client.ValidationException;

import static ai.scailabs.scaivault.client.WireTestSupport.bodyOf;
import static ai.scailabs.scaivault.client.WireTestSupport.json;
import static ai.scailabs.scaivault.client.WireTestSupport.noContent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Wire tests of every subscriptions call (contract section 7, walk-through step 6).
 */
class SubscriptionOperationsWireTests extends AbstractWireTests {

	private static final String SUBSCRIPTION_JSON = """
			{"id": "sub_1", "name": "reporting-service-sf-rotations", "paths": ["integrations/salesforce/oauth"],
			 "events": ["secret.rotated", "secret.updated"],
			 "delivery": {"type": "webhook", "url": "https://reporting.acme.example/scaivault/events"},
			 "created_at": "2026-11-22T12:00:00Z"}
			""";

	@Test
	void createSendsTheWalkThroughBody() throws Exception {
		this.server.enqueue(json(201, SUBSCRIPTION_JSON));
		Subscription subscription = this.client.subscriptions()
			.create("reporting-service-sf-rotations", List.of("integrations/salesforce/oauth"),
					List.of(EventTypes.SECRET_ROTATED, EventTypes.SECRET_UPDATED),
					WebhookDelivery.webhook("https://reporting.acme.example/scaivault/events", "whsec_..."));
		RecordedRequest request = this.server.takeRequest();
		assertRequest(request, "POST", "/v1/subscriptions");
		assertThat(bodyOf(request)).isEqualTo(json("""
				{"name": "reporting-service-sf-rotations",
				 "paths": ["integrations/salesforce/oauth"],
				 "events": ["secret.rotated", "secret.updated"],
				 "delivery": {"type": "webhook", "url": "https://reporting.acme.example/scaivault/events",
				              "secret": "whsec_..."}}
				"""));
		assertThat(subscription).isEqualTo(new Subscription("sub_1", "reporting-service-sf-rotations",
				List.of("integrations/salesforce/oauth"), List.of("secret.rotated", "secret.updated"),
				new WebhookDelivery("webhook", "https://reporting.acme.example/scaivault/events", null),
				Instant.parse("2026-11-22T12:00:00Z")));
	}

	@Test
	void createWithoutEventsSendsNothing() {
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> this.client.subscriptions()
				.create("empty", List.of("a/b"), List.of(), WebhookDelivery.webhook("https://x.example", "whsec_1")))
			.withMessageContaining("empty")
			.withMessageNotContaining("whsec_1");
		assertThat(this.server.getRequestCount()).isZero();
	}

	@Test
	void webhookSecretNeverAppearsInToString() {
		WebhookDelivery delivery = WebhookDelivery.webhook("https://reporting.acme.example/scaivault/events",
				"whsec_topsecret");
		Subscription subscription = new Subscription("sub_1", "s", List.of("a/b"), List.of("secret.rotated"), delivery,
				null);
		assertThat(delivery.toString()).contains("reporting.acme.example").doesNotContain("whsec_topsecret");
		assertThat(subscription.toString()).contains("sub_1").doesNotContain("whsec_topsecret");
	}

	@Test
	void listAndDeleteUseTheSubscriptionPaths() throws Exception {
		this.server.enqueue(json(200, "{\"data\": [" + SUBSCRIPTION_JSON + "], \"has_more\": false, \"cursor\": null}"));
		this.server.enqueue(noContent());
		Page<Subscription> page = this.asyncClient.subscriptions().list().get(1, TimeUnit.MINUTES);
		this.asyncClient.subscriptions().delete("sub_1").get(1, TimeUnit.MINUTES);
		assertRequest(this.server.takeRequest(), "GET", "/v1/subscriptions");
		assertRequest(this.server.takeRequest(), "DELETE", "/v1/subscriptions/sub_1");
		assertThat(page.data()).extracting(Subscription::id).containsExactly("sub_1");
		assertThat(page.data().get(0).delivery().secret()).isNull();
	}

	@Test
	void listSendsLimitAndCursor() throws Exception {
		this.server.enqueue(json(200, "{\"data\": [], \"has_more\": false, \"cursor\": null}"));
		this.client.subscriptions().list(20, "s2");
		assertRequest(this.server.takeRequest(), "GET", "/v1/subscriptions?limit=20&cursor=s2");
	}

	static void assertRequest(RecordedRequest request, String method, String target) {
		assertThat(request.getMethod()).isEqualTo(method);
		assertThat(request.getTarget()).isEqualTo(target);
		assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer test-token");
	}

}
