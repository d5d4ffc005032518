package ai.scailabs.scaivault.boot.autoconfigure.refresh;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import ai.scailabs.scaivault.boot.autoconfigure.refresh.WebhookEventReader.InvalidWebhookException;
import ai.scailabs.scaivault.client.subscriptions.WebhookEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link WebhookEventReader}.
 */
class WebhookEventReaderTests {

	private final WebhookEventReader reader = new WebhookEventReader();

	@Test
	void readWhenDeliveryIsCompleteThenReadsEveryField() {
		WebhookEvent event = read("""
				{"id": "evt_1", "type": "secret.rotated", "path": "integrations/salesforce/oauth", "version": 4,
				 "previous_version": 3, "occurred_at": "2026-11-22T12:00:00.123Z",
				 "data": {"reason": "compromise", "grace_period_ends_at": null}}
				""");
		assertThat(event).isEqualTo(new WebhookEvent("evt_1", "secret.rotated", "integrations/salesforce/oauth", 4, 3,
				Instant.parse("2026-11-22T12:00:00.123Z"), Map.of("reason", "compromise")));
	}

	@Test
	void readWhenPathIsAbsentFromACertificateEventThenReads() {
		WebhookEvent event = read("""
				{"id": "evt_2", "type": "certificate.expiring", "occurred_at": "2026-11-22T12:00:00Z"}
				""");
		assertThat(event.path()).isNull();
		assertThat(event.data()).isEmpty();
	}

	@Test
	void readWhenFieldIsMissingOrOfTheWrongTypeThenNamesTheFieldWithoutQuotingTheBody() {
		assertInvalid("{\"type\": \"secret.rotated\", \"path\": \"SENTINEL\", \"occurred_at\": \"2026-11-22T12:00:00Z\"}",
				"field 'id' is required");
		assertInvalid("{\"id\": \"evt_3\", \"type\": \"secret.rotated\", \"occurred_at\": \"2026-11-22T12:00:00Z\"}",
				"field 'path' is required");
		assertInvalid("{\"id\": \"evt_3\", \"type\": \"secret.rotated\", \"path\": \"a/b\", \"occurred_at\": \"SENTINEL\"}",
				"field 'occurred_at'");
		assertInvalid("{\"id\": \"evt_3\", \"type\": \"secret.rotated\", \"path\": \"a/b\", \"version\": \"SENTINEL\","
				+ " \"occurred_at\": \"2026-11-22T12:00:00Z\"}", "field 'version'");
		assertInvalid("{\"id\": 7, \"type\": \"secret.rotated\"}", "field 'id' must be a string");
		assertInvalid("SENTINEL", "not JSON");
		assertInvalid("[\"SENTINEL\"]", "not a JSON object");
	}

	private void assertInvalid(String body, String message) {
		assertThatExceptionOfType(InvalidWebhookException.class).isThrownBy(() -> read(body))
			.withMessageContaining(message)
			.withMessageNotContaining("SENTINEL");
	}

	private WebhookEvent read(String body) {
		return this.reader.read(body.getBytes(StandardCharsets.UTF_8));
	}

}
