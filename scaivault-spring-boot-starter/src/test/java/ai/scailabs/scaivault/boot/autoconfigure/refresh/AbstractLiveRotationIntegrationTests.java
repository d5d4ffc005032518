package ai.scailabs.scaivault.boot.autoconfigure.refresh;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import ai.scailabs.scaivault.boot.autoconfigure.refresh.RefreshTestApplication.DemoProperties;
import ai.scailabs.scaivault.boot.autoconfigure.refresh.RefreshTestApplication.RecordConsumer;
import ai.scailabs.scaivault.boot.autoconfigure.refresh.RefreshTestApplication.Recorder;
import ai.scailabs.scaivault.boot.autoconfigure.refresh.RefreshTestApplication.ValueBean;
import ai.scailabs.scaivault.client.ScaiVaultClient;
import ai.scailabs.scaivault.client.secrets.RotateSecretRequest;
import ai.scailabs.scaivault.client.subscriptions.WebhookEvent;
import ai.scailabs.scaivault.config.env.ScaiVaultOrigin;
import ai.scailabs.scaivault.devserver.ScaiVaultDevServer;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.OriginLookup;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Live rotation over real HTTP: a running application (random port) imports two paths, registers
 * its own subscription, and the dev server delivers real signed webhooks to it. Subclasses run it
 * on Spring MVC and on WebFlux. Spring Security is on the class path (with its default, locked-down
 * configuration) and does not lock the endpoint out.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
abstract class AbstractLiveRotationIntegrationTests {

	static final String WEBHOOK_SECRET = "whsec_live-rotation-tests";

	static final String DEMO = "apps/demo/config";

	static final String OTHER = "apps/other/config";

	private static final String SEED = """
			{"secrets": {
			  "apps/demo/config": {"data": {"username": "alice", "password": "pw-1-FIRST"}, "secret_type": "json"},
			  "apps/other/config": {"data": {"key": "other-1-UNTOUCHED"}, "secret_type": "json"}}}
			""";

	private final HttpClient http = HttpClient.newHttpClient();

	private ScaiVaultDevServer server;

	private ScaiVaultClient admin;

	private ConfigurableApplicationContext context;

	private int port;

	abstract WebApplicationType webApplicationType();

	@BeforeAll
	void start() {
		this.server = ScaiVaultDevServer.builder().seed(SEED).webhookRetryBaseDelay(Duration.ofMillis(50)).start();
		this.admin = ScaiVaultClient.builder().baseUrl(this.server.baseUrl()).token(this.server.rootToken()).build();
		SpringApplication application = new SpringApplication(RefreshTestApplication.class);
		application.setWebApplicationType(webApplicationType());
		this.context = application.run("--server.port=0", "--spring.application.name=live-rotation-tests",
				"--spring.security.user.password=test-only", "--scaivault.base-url=" + this.server.baseUrl(),
				"--scaivault.token=" + this.server.rootToken(),
				"--spring.config.import=scaivault:" + DEMO + "?prefix=demo.;" + OTHER + "?prefix=other.",
				"--scaivault.refresh.webhook.secret=" + WEBHOOK_SECRET, "--scaivault.refresh.poll-interval=0",
				"--scaivault.refresh.webhook.callback-url=http://127.0.0.1:${local.server.port}/scaivault/events");
		this.port = Integer.parseInt(this.context.getEnvironment().getProperty("local.server.port"));
	}

	@AfterAll
	void stop() {
		if (this.context != null) {
			this.context.close();
		}
		this.admin.close();
		this.server.close();
	}

	@Test
	void startUpRegistersOneSubscriptionForTheImportedPaths() {
		assertThat(this.admin.subscriptions().list().data()).singleElement().satisfies((subscription) -> {
			assertThat(subscription.name()).isEqualTo("live-rotation-tests-scaivault-refresh");
			assertThat(subscription.paths()).containsExactly(DEMO, OTHER);
			assertThat(subscription.events()).containsExactlyElementsOf(SubscriptionRegistrar.EVENTS);
			assertThat(subscription.delivery()).isNotNull();
			assertThat(subscription.delivery().url()).isEqualTo("http://127.0.0.1:" + this.port + "/scaivault/events");
		});
	}

	@Test
	void rotateThenEveryKindOfBeanSeesTheNewValueAndOtherPathsAreUntouched(CapturedOutput output) throws Exception {
		int version = rotate("pw-ROTATED-" + UUID.randomUUID()).version();
		ScaiVaultSecretChangedEvent change = awaitChange(version);
		String expected = (String) this.admin.secrets().read(DEMO).data().get("password");
		assertThat(change.path()).isEqualTo(DEMO);
		assertThat(change.oldVersion()).isEqualTo(version - 1);
		assertThat(change.changedKeys()).containsExactly("demo.password");
		assertThat(this.context.getBean(DemoProperties.class).getPassword()).isEqualTo(expected);
		assertThat(this.context.getBean(ValueBean.class).password()).isEqualTo(expected);
		assertThat(this.context.getBean(RecordConsumer.class).password()).isEqualTo(expected);
		assertThat(environment().getProperty("demo.password")).isEqualTo(expected);
		assertThat(origin("demo.password")).extracting(ScaiVaultOrigin::version).isEqualTo(version);
		assertThat(environment().getProperty("other.key")).isEqualTo("other-1-UNTOUCHED");
		assertThat(origin("other.key")).extracting(ScaiVaultOrigin::version).isEqualTo(1);
		assertThat(output).doesNotContain(expected).doesNotContain("other-1-UNTOUCHED").doesNotContain(WEBHOOK_SECRET);
	}

	@Test
	void deliverWhenSignatureIsWrongThenRejectsWith401AndChangesNothing() throws Exception {
		Snapshot before = snapshot();
		String body = event(UUID.randomUUID().toString(), "secret.rotated", DEMO, 99, Instant.now());
		HttpResponse<String> response = post(body.getBytes(StandardCharsets.UTF_8), sign("whsec_wrong", body));
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).doesNotContain(DEMO);
		HttpResponse<String> unsigned = post(body.getBytes(StandardCharsets.UTF_8), null);
		assertThat(unsigned.statusCode()).isEqualTo(401);
		assertThat(snapshot()).isEqualTo(before);
	}

	@Test
	void deliverWhenReplayedThenRejectsWith409AndChangesNothing() throws Exception {
		Snapshot before = snapshot();
		String id = "evt_" + UUID.randomUUID();
		String body = event(id, "secret.updated", DEMO, before.version(), Instant.now());
		assertThat(post(body).statusCode()).isEqualTo(202);
		awaitWebhook(id);
		HttpResponse<String> replay = post(body);
		assertThat(replay.statusCode()).isEqualTo(409);
		assertThat(replay.body()).contains("replayed").doesNotContain(DEMO);
		assertThat(snapshot()).isEqualTo(before);
	}

	@Test
	void deliverWhenOccurredAtIsStaleThenRejectsAndChangesNothing() throws Exception {
		Snapshot before = snapshot();
		String body = event("evt_" + UUID.randomUUID(), "secret.rotated", DEMO, before.version() + 1,
				Instant.now().minus(Duration.ofMinutes(6)));
		HttpResponse<String> response = post(body);
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("stale");
		assertThat(snapshot()).isEqualTo(before);
	}

	@Test
	void deliverWhenMalformedThenRejectsWith400WithoutEchoingAndChangesNothing() throws Exception {
		Snapshot before = snapshot();
		HttpResponse<String> notJson = post("not json at all: SENTINEL-BODY");
		assertThat(notJson.statusCode()).isEqualTo(400);
		assertThat(notJson.body()).doesNotContain("SENTINEL-BODY");
		HttpResponse<String> noId = post("{\"type\": \"secret.rotated\", \"path\": \"apps/demo/config\", "
				+ "\"occurred_at\": \"" + Instant.now() + "\", \"data\": {\"note\": \"SENTINEL-BODY\"}}");
		assertThat(noId.statusCode()).isEqualTo(400);
		assertThat(noId.body()).contains("'id'").doesNotContain("SENTINEL-BODY").doesNotContain(DEMO);
		assertThat(snapshot()).isEqualTo(before);
	}

	@Test
	void deliverWhenOversizedThenRejectsWith413AndChangesNothing() throws Exception {
		Snapshot before = snapshot();
		String body = event("evt_" + UUID.randomUUID(), "secret.rotated", DEMO, before.version() + 1, Instant.now())
			.replace("\"data\": {}", "\"data\": {\"padding\": \"" + "x".repeat(70 * 1024) + "\"}");
		HttpResponse<String> response = post(body);
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(snapshot()).isEqualTo(before);
	}

	@Test
	void deliverWhenPathIsNotImportedThenAcceptsAndChangesNothing() throws Exception {
		Snapshot before = snapshot();
		String id = "evt_" + UUID.randomUUID();
		assertThat(post(event(id, "secret.rotated", "apps/unknown/config", 7, Instant.now())).statusCode())
			.isEqualTo(202);
		assertThat(awaitWebhook(id).path()).isEqualTo("apps/unknown/config");
		assertThat(snapshot()).isEqualTo(before);
	}

	@Test
	void deliverWhenVersionIsOlderThanTheOneHeldThenChangesNothing() throws Exception {
		awaitChange(rotate("pw-NEWER-" + UUID.randomUUID()).version());
		Snapshot before = snapshot();
		assertThat(before.version()).isGreaterThan(1);
		this.context.getBean(Recorder.class).changes.clear();
		String id = "evt_" + UUID.randomUUID();
		assertThat(post(event(id, "secret.rotated", DEMO, before.version() - 1, Instant.now())).statusCode())
			.isEqualTo(202);
		awaitWebhook(id);
		assertThat(snapshot()).isEqualTo(before);
		assertThat(this.context.getBean(Recorder.class).changes).noneMatch((c) -> c.newVersion() < before.version());
	}

	@Test
	void rotationDueIsPublishedAsAnApplicationEvent() throws Exception {
		String id = "evt_" + UUID.randomUUID();
		String body = "{\"id\": \"" + id + "\", \"type\": \"rotation.due\", \"path\": \"" + DEMO
				+ "\", \"version\": 1, \"occurred_at\": \"" + Instant.now()
				+ "\", \"data\": {\"policy_id\": \"rot_1\", \"due_at\": \"2026-12-01T00:00:00Z\", \"reason\": \"scheduled\"}}";
		assertThat(post(body).statusCode()).isEqualTo(202);
		awaitWebhook(id);
		ScaiVaultRotationDueEvent due = this.context.getBean(Recorder.class).rotationsDue.poll(10, TimeUnit.SECONDS);
		assertThat(due).isEqualTo(new ScaiVaultRotationDueEvent(DEMO, "rot_1", Instant.parse("2026-12-01T00:00:00Z"),
				false));
	}

	@Test
	void securityOnTheClassPathProtectsOtherPathsButNotTheWebhook() throws Exception {
		HttpResponse<String> other = this.http.send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/anything")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(other.statusCode()).isEqualTo(401);
		String id = "evt_" + UUID.randomUUID();
		assertThat(post(event(id, "certificate.expiring", "pki/certificates/01", null, Instant.now())).statusCode())
			.isEqualTo(202);
		assertThat(awaitWebhook(id).type()).isEqualTo("certificate.expiring");
	}

	@Test
	void metricsCountOutcomesAndHealthShowsTheLastEventAndDeletedPaths() throws Exception {
		String body = event("evt_" + UUID.randomUUID(), "secret.rotated", DEMO, 1, Instant.now());
		post(body.getBytes(StandardCharsets.UTF_8), sign("whsec_wrong", body));
		String id = "evt_" + UUID.randomUUID();
		assertThat(post(event(id, "secret.deleted", OTHER, 1, Instant.now())).statusCode()).isEqualTo(202);
		awaitWebhook(id);
		MeterRegistry registry = this.context.getBean(MeterRegistry.class);
		assertThat(registry.get(MicrometerRefreshMetrics.EVENTS).tag("outcome", "rejected").counter().count())
			.isPositive();
		assertThat(registry.get(MicrometerRefreshMetrics.EVENTS).tag("outcome", "applied").counter().count())
			.isPositive();
		Health health = this.context.getBean(ScaiVaultRefreshHealthIndicator.class).health(true);
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("deletedPaths", java.util.Set.of(OTHER));
		assertThat(health.getDetails().get("lastEventAt")).isNotEqualTo("none");
		assertThat(environment().getProperty("other.key")).isEqualTo("other-1-UNTOUCHED");
	}

	ScaiVaultDevServer server() {
		return this.server;
	}

	private ai.scailabs.scaivault.client.secrets.SecretRotationResult rotate(String password) {
		return this.admin.secrets()
			.rotate(DEMO, RotateSecretRequest.builder()
				.reason("test")
				.newValue(Map.of("username", "alice", "password", password))
				.build());
	}

	private ScaiVaultSecretChangedEvent awaitChange(int version) throws InterruptedException {
		Recorder recorder = this.context.getBean(Recorder.class);
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (System.nanoTime() < deadline) {
			ScaiVaultSecretChangedEvent change = recorder.changes.poll(1, TimeUnit.SECONDS);
			if (change != null && change.newVersion() == version) {
				return change;
			}
		}
		throw new AssertionError("No ScaiVaultSecretChangedEvent for version " + version + " within 30 s");
	}

	private WebhookEvent awaitWebhook(String id) throws InterruptedException {
		Recorder recorder = this.context.getBean(Recorder.class);
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (System.nanoTime() < deadline) {
			WebhookEvent event = recorder.webhooks.poll(1, TimeUnit.SECONDS);
			if (event != null && event.id().equals(id)) {
				return event;
			}
		}
		throw new AssertionError("Event " + id + " was not published within 30 s");
	}

	private static String event(String id, String type, String path, @Nullable Integer version, Instant occurredAt) {
		return "{\"id\": \"" + id + "\", \"type\": \"" + type + "\", \"path\": \"" + path + "\", \"version\": "
				+ version + ", \"previous_version\": null, \"occurred_at\": \"" + occurredAt + "\", \"data\": {}}";
	}

	private HttpResponse<String> post(String body) throws Exception {
		return post(body.getBytes(StandardCharsets.UTF_8), sign(WEBHOOK_SECRET, body));
	}

	private HttpResponse<String> post(byte[] body, @Nullable String signature) throws Exception {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/scaivault/events"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		if (signature != null) {
			request.header("X-ScaiVault-Signature", signature);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	static String sign(String secret, String body) {
		return HexFormat.of()
			.formatHex(new WebhookSignatures(secret).sign(body.getBytes(StandardCharsets.UTF_8)));
	}

	private ConfigurableEnvironment environment() {
		return this.context.getEnvironment();
	}

	private ScaiVaultOrigin origin(String name) {
		for (PropertySource<?> source : environment().getPropertySources()) {
			if (source instanceof OriginLookup<?> lookup && source.containsProperty(name)) {
				@SuppressWarnings("unchecked")
				Origin origin = ((OriginLookup<String>) lookup).getOrigin(name);
				if (origin instanceof ScaiVaultOrigin scaiVault) {
					return scaiVault;
				}
			}
		}
		throw new AssertionError("No ScaiVault origin for " + name);
	}

	private Snapshot snapshot() {
		return new Snapshot(environment().getProperty("demo.password"), origin("demo.password").version(),
				environment().getProperty("other.key"), origin("other.key").version(),
				this.context.getBean(DemoProperties.class).getPassword());
	}

	/**
	 * What a rejected or ignored event must leave as it was.
	 */
	private record Snapshot(@Nullable String password, int version, @Nullable String otherKey, int otherVersion,
			@Nullable String boundPassword) {

		@Override
		public String toString() {
			return "Snapshot[version=" + this.version + ", otherVersion=" + this.otherVersion + "]";
		}

	}

}
