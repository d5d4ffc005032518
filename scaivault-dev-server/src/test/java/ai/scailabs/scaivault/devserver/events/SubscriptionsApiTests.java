package ai.scailabs.scaivault.devserver.events;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import ai.scailabs.scaivault.devserver.DevServerHttp;
import ai.scailabs.scaivault.devserver.DevServerHttp.Response;
import ai.scailabs.scaivault.devserver.ScaiVaultDevServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conformance tests of subscriptions and webhook delivery (contract section 7) over real HTTP, with
 * a real webhook receiver.
 */
class SubscriptionsApiTests {

	/** The walk-through's subscription body, verbatim. */
	static final String WALK_THROUGH_SUBSCRIPTION = """
			{
			"name": "reporting-service-sf-rotations",
			"paths": ["integrations/salesforce/oauth"],
			"events": ["secret.rotated", "secret.updated"],
			"delivery": {
			"type": "webhook",
			"url": "https://reporting.acme.example/scaivault/events",
			"secret": "whsec_..."
			}
			}""";

	static final String ROOT = "dev-root";

	static final String WEBHOOK_SECRET = "whsec_test-signing-key";

	static final JsonMapper json = JsonMapper.builder().build();

	ScaiVaultDevServer server;

	DevServerHttp http;

	WebhookReceiver receiver;

	@BeforeEach
	void start() {
		this.server = ScaiVaultDevServer.builder().rootToken(ROOT).webhookRetryBaseDelay(Duration.ofMillis(5)).start();
		this.http = new DevServerHttp(this.server);
		this.receiver = new WebhookReceiver();
	}

	@AfterEach
	void stop() {
		this.server.close();
		this.receiver.close();
	}

	@Test
	void createWalkThroughSubscriptionReturnsIdWithoutSecret() {
		Response created = this.http.post("/v1/subscriptions", ROOT, WALK_THROUGH_SUBSCRIPTION);
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().path("id").asString()).startsWith("sub_");
		assertThat(created.json().path("name").asString()).isEqualTo("reporting-service-sf-rotations");
		assertThat(created.json().path("delivery").path("url").asString())
			.isEqualTo("https://reporting.acme.example/scaivault/events");
		assertThat(created.json().path("events").toString()).isEqualTo("[\"secret.rotated\",\"secret.updated\"]");
		assertThat(created.body()).doesNotContain("whsec_");
		Response list = this.http.get("/v1/subscriptions", ROOT);
		assertThat(list.json().path("data").size()).isEqualTo(1);
		assertThat(list.body()).doesNotContain("whsec_");
	}

	@Test
	void getAndDeleteSubscription() {
		String id = this.http.post("/v1/subscriptions", ROOT, WALK_THROUGH_SUBSCRIPTION).json().path("id").asString();
		assertThat(this.http.get("/v1/subscriptions/" + id, ROOT).json().path("id").asString()).isEqualTo(id);
		assertThat(this.http.delete("/v1/subscriptions/" + id, ROOT).status()).isEqualTo(204);
		assertThat(this.http.get("/v1/subscriptions/" + id, ROOT).errorCode()).isEqualTo("not_found");
		assertThat(this.http.delete("/v1/subscriptions/" + id, ROOT).errorCode()).isEqualTo("not_found");
		assertThat(this.http.get("/v1/subscriptions", ROOT).json().path("data").size()).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"events\": [\"secret.exploded\"]", "\"paths\": [\"a/b*\"]", "\"paths\": []",
			"\"delivery\": {\"type\": \"email\", \"url\": \"http://x.example/\", \"secret\": \"s\"}",
			"\"delivery\": {\"type\": \"webhook\", \"url\": \"not a url\", \"secret\": \"s\"}",
			"\"delivery\": {\"type\": \"webhook\", \"url\": \"ftp://x.example/\", \"secret\": \"s\"}",
			"\"delivery\": {\"type\": \"webhook\", \"url\": \"http://x.example/\"}",
			"\"delivery\": {\"type\": \"webhook\", \"url\": \"http://x.example/\", \"secret\": \"s\", \"retries\": 3}",
			"\"filter\": \"x\"" })
	void createWithInvalidBodyReturnsValidationErrorAndCreatesNothing(String override) {
		String body = "{\"name\": \"n\", \"paths\": [\"a/**\"], \"events\": [\"secret.updated\"], "
				+ "\"delivery\": {\"type\": \"webhook\", \"url\": \"http://x.example/\", \"secret\": \"s\"}";
		String key = override.substring(0, override.indexOf(':'));
		body = body.contains(key) ? replaceField(body, key, override) : body + ", " + override;
		Response response = this.http.post("/v1/subscriptions", ROOT, body + "}");
		assertThat(response.status()).as(body).isEqualTo(400);
		assertThat(response.errorCode()).isEqualTo("validation_error");
		assertThat(response.json().path("error").path("details").path("field").asString()).isNotEmpty();
		assertThat(this.http.get("/v1/subscriptions", ROOT).json().path("data").size()).isZero();
	}

	@Test
	void subscriptionAdministrationWithoutAdminPermissionReturnsAccessDenied() {
		String token = this.server.issueToken("sa:reporting-service");
		assertThat(this.http.post("/v1/subscriptions", token, WALK_THROUGH_SUBSCRIPTION).errorCode())
			.isEqualTo("access_denied");
		assertThat(this.http.get("/v1/subscriptions", token).errorCode()).isEqualTo("access_denied");
	}

	@Test
	void rotationIsDeliveredSignedAndWithoutSecretValues() throws Exception {
		subscribe("[\"integrations/salesforce/oauth\"]", "[\"secret.rotated\", \"secret.updated\"]");
		this.http.put("/v1/secrets/integrations/salesforce/oauth", ROOT,
				"{\"data\": {\"client_id\": \"3MVG9...\", \"client_secret\": \"FIRST-VALUE\"}}");
		this.http.post("/v1/secrets/integrations/salesforce/oauth/rotate", ROOT,
				"{\"reason\": \"compromise\", \"new_value\": {\"client_secret\": \"SECOND-VALUE\"}, \"grace_period\": \"1h\"}");
		WebhookReceiver.Received received = this.receiver.next();
		assertThat(received.method()).isEqualTo("POST");
		assertThat(received.header("Content-Type")).startsWith("application/json");
		assertThat(received.header("X-ScaiVault-Event")).isEqualTo("secret.rotated");
		assertThat(received.header("X-ScaiVault-Delivery")).isNotEmpty();
		assertThat(WebhookReceiver.verify(WEBHOOK_SECRET, received.body(), received.header("X-ScaiVault-Signature")))
			.isTrue();
		assertThat(WebhookReceiver.verify("whsec_other", received.body(), received.header("X-ScaiVault-Signature")))
			.isFalse();
		assertThat(received.text()).doesNotContain("FIRST-VALUE").doesNotContain("SECOND-VALUE").doesNotContain(WEBHOOK_SECRET);
		JsonNode event = json.readTree(received.body());
		assertThat(event.path("id").asString()).startsWith("evt_");
		assertThat(event.path("type").asString()).isEqualTo("secret.rotated");
		assertThat(event.path("path").asString()).isEqualTo("integrations/salesforce/oauth");
		assertThat(event.path("version").asInt()).isEqualTo(2);
		assertThat(event.path("previous_version").asInt()).isEqualTo(1);
		assertThat(Instant.parse(event.path("occurred_at").asString())).isNotNull();
		assertThat(event.path("data").path("reason").asString()).isEqualTo("compromise");
		assertThat(this.receiver.pending()).isZero();
	}

	@Test
	void occurredAtFollowsTheDevClock() throws Exception {
		subscribe("[\"app/**\"]", "[\"secret.updated\"]");
		this.http.put("/v1/secrets/app/db", ROOT, "{\"data\": {}}");
		this.server.clock().advance(Duration.ofDays(30));
		this.http.put("/v1/secrets/app/db", ROOT, "{\"data\": {}}");
		Instant occurred = Instant.parse(json.readTree(this.receiver.next().body()).path("occurred_at").asString());
		assertThat(occurred).isAfter(Instant.now().plus(Duration.ofDays(29)));
	}

	@Test
	void deliveryIsRetriedAfterServerErrorWithSameDeliveryIdAndBody() throws Exception {
		subscribe("[\"app/db\"]", "[\"secret.updated\"]");
		this.receiver.answer(500, 503);
		this.http.put("/v1/secrets/app/db", ROOT, "{\"data\": {\"k\": \"one\"}}");
		this.http.put("/v1/secrets/app/db", ROOT, "{\"data\": {\"k\": \"two\"}}");
		WebhookReceiver.Received first = this.receiver.next();
		WebhookReceiver.Received second = this.receiver.next();
		WebhookReceiver.Received third = this.receiver.next();
		assertThat(second.header("X-ScaiVault-Delivery")).isEqualTo(first.header("X-ScaiVault-Delivery"));
		assertThat(third.header("X-ScaiVault-Delivery")).isEqualTo(first.header("X-ScaiVault-Delivery"));
		assertThat(third.body()).isEqualTo(first.body());
		assertThat(WebhookReceiver.verify(WEBHOOK_SECRET, third.body(), third.header("X-ScaiVault-Signature"))).isTrue();
	}

	@Test
	void writeWhenReceiverHangsAnswersWithoutWaitingForDelivery() throws Exception {
		subscribe("[\"app/**\"]", "[\"secret.created\", \"secret.updated\"]");
		this.receiver.hold();
		assertThat(this.http.put("/v1/secrets/app/db", ROOT, "{\"data\": {}}").status()).isEqualTo(200);
		this.receiver.next();
		assertThat(this.http.put("/v1/secrets/app/db", ROOT, "{\"data\": {}}").status()).isEqualTo(200);
		assertThat(this.http.get("/v1/secrets/app/db", ROOT).json().path("version").asInt()).isEqualTo(2);
		this.receiver.release();
		assertThat(json.readTree(this.receiver.next().body()).path("version").asInt()).isEqualTo(2);
	}

	@Test
	void rotationDueOfWalkThroughPolicyIsDeliveredToSubscriber() throws Exception {
		subscribe("[\"integrations/salesforce/oauth\"]", "[\"rotation.due\", \"secret.rotated\"]");
		this.http.put("/v1/secrets/integrations/salesforce/oauth", ROOT, "{\"data\": {\"client_secret\": \"VALUE\"}}");
		String policy = this.http.post("/v1/rotation/policies", ROOT,
				"{\"name\": \"quarterly\", \"interval\": \"90d\", \"grace_period\": \"48h\", \"auto_generate\": false}")
			.json()
			.path("id")
			.asString();
		this.http.post("/v1/rotation/policies/" + policy + "/secrets", ROOT,
				"{\"secret_path\": \"integrations/salesforce/oauth\"}");
		this.server.clock().advance(Duration.ofDays(90));
		WebhookReceiver.Received received = this.receiver.next();
		assertThat(received.header("X-ScaiVault-Event")).isEqualTo("rotation.due");
		JsonNode event = json.readTree(received.body());
		assertThat(event.path("path").asString()).isEqualTo("integrations/salesforce/oauth");
		assertThat(event.path("version").asInt()).isEqualTo(1);
		assertThat(event.path("data").path("policy_id").asString()).isEqualTo(policy);
		assertThat(received.text()).doesNotContain("VALUE");
		assertThat(WebhookReceiver.verify(WEBHOOK_SECRET, received.body(), received.header("X-ScaiVault-Signature")))
			.isTrue();
	}

	@Test
	void globsAndEventTypesSelectWhatIsDelivered() throws Exception {
		subscribe("[\"integrations/**\", \"apps/*/db\"]", "[\"secret.created\"]");
		this.http.put("/v1/secrets/other/x", ROOT, "{\"data\": {}}");
		this.http.put("/v1/secrets/apps/a/b/db", ROOT, "{\"data\": {}}");
		this.http.put("/v1/secrets/integrations/salesforce/oauth", ROOT, "{\"data\": {}}");
		this.http.put("/v1/secrets/integrations/salesforce/oauth", ROOT, "{\"data\": {}}");
		this.http.put("/v1/secrets/apps/a/db", ROOT, "{\"data\": {}}");
		// Deliveries are concurrent, like any webhook service's: no order between two events.
		String first = json.readTree(this.receiver.next().body()).path("path").asString();
		String second = json.readTree(this.receiver.next().body()).path("path").asString();
		assertThat(List.of(first, second)).containsExactlyInAnyOrder("integrations/salesforce/oauth", "apps/a/db");
		this.http.put("/v1/secrets/apps/b/db", ROOT, "{\"data\": {}}");
		assertThat(json.readTree(this.receiver.next().body()).path("path").asString()).isEqualTo("apps/b/db");
		assertThat(this.receiver.pending()).isZero();
	}

	@Test
	void deletedSubscriptionReceivesNothing() throws Exception {
		String id = subscribe("[\"app/**\"]", "[\"secret.created\", \"secret.updated\"]");
		String other = subscribe("[\"other/**\"]", "[\"secret.created\"]");
		this.http.delete("/v1/subscriptions/" + id, ROOT);
		this.http.put("/v1/secrets/app/db", ROOT, "{\"data\": {}}");
		this.http.put("/v1/secrets/other/db", ROOT, "{\"data\": {}}");
		assertThat(json.readTree(this.receiver.next().body()).path("path").asString()).isEqualTo("other/db");
		assertThat(other).isNotEqualTo(id);
	}

	private String subscribe(String paths, String events) {
		Response created = this.http.post("/v1/subscriptions", ROOT, "{\"name\": \"test\", \"paths\": " + paths
				+ ", \"events\": " + events + ", \"delivery\": {\"type\": \"webhook\", \"url\": \"" + this.receiver.url()
				+ "\", \"secret\": \"" + WEBHOOK_SECRET + "\"}}");
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().path("id").asString();
	}

	private static String replaceField(String body, String key, String override) {
		int start = body.indexOf(key);
		int end;
		if (body.charAt(body.indexOf(':', start) + 2) == '{') {
			end = body.indexOf('}', start) + 1;
		}
		else {
			end = body.indexOf(']', start) + 1;
		}
		return body.substring(0, start) + override + body.substring(end);
	}

}
