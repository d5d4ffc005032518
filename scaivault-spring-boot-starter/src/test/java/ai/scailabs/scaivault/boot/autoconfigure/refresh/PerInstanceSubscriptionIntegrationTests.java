package ai.scailabs.scaivault.boot.autoconfigure.refresh;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import ai.scailabs.scaivault.boot.autoconfigure.refresh.RefreshTestApplication.Recorder;
import ai.scailabs.scaivault.client.ScaiVaultClient;
import ai.scailabs.scaivault.client.secrets.RotateSecretRequest;
import ai.scailabs.scaivault.client.subscriptions.Subscription;
import ai.scailabs.scaivault.client.subscriptions.WebhookDelivery;
import ai.scailabs.scaivault.client.subscriptions.WebhookEvent;
import ai.scailabs.scaivault.devserver.ScaiVaultDevServer;
import ai.scailabs.scaivault.test.Waits;
import ai.scailabs.scaivault.devserver.faults.Fault;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Per-instance callbacks without a broker, over real HTTP: three instances (application contexts
 * on random ports, each its own callback URL built from a {@code ${POD_IP}} placeholder) register
 * one subscription each on the dev server, which delivers real signed webhooks to every one of
 * them; an instance that stops removes its own; stale ones of instances that died are removed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class PerInstanceSubscriptionIntegrationTests {

	private static final String DEMO = "apps/demo/config";

	private static final String APPLICATION = "per-instance-tests";

	private static final String WEBHOOK_SECRET = "whsec_per-instance-tests";

	private static final String SEED = """
			{"secrets": {"apps/demo/config": {"data": {"password": "pw-1-FIRST"}, "secret_type": "json"}},
			 "policies": [{"name": "instances", "description": "what every instance may read and register",
			   "rules": [{"path_pattern": "apps/**", "permissions": ["read"]},
			     {"path_pattern": "sys/subscriptions", "permissions": ["admin"]}],
			   "bindings": [{"identity_type": "group", "identity_id": "group:instances"}]}]}
			""";

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

	private ScaiVaultDevServer server;

	private ScaiVaultClient admin;

	@BeforeAll
	void start() {
		this.server = ScaiVaultDevServer.builder().seed(SEED).webhookRetryBaseDelay(Duration.ofMillis(50)).start();
		this.admin = ScaiVaultClient.builder().baseUrl(this.server.baseUrl()).token(this.server.rootToken()).build();
		for (int i = 1; i <= 3; i++) {
			this.instances.add(run(this.server, APPLICATION, token(this.server), "--scaivault.refresh.webhook.instance-id=replica-" + i));
		}
	}

	@AfterAll
	void stop() {
		this.instances.forEach(ConfigurableApplicationContext::close);
		this.admin.close();
		this.server.close();
	}

	@Test
	void startWhenPerInstanceThenOneSubscriptionPerInstance() {
		List<Subscription> subscriptions = perInstance(this.admin, APPLICATION);
		assertThat(subscriptions).extracting(Subscription::name)
			.containsExactlyInAnyOrder(APPLICATION + "-scaivault-refresh@replica-1",
					APPLICATION + "-scaivault-refresh@replica-2", APPLICATION + "-scaivault-refresh@replica-3");
		assertThat(subscriptions).extracting((subscription) -> subscription.delivery().url())
			.containsExactlyInAnyOrderElementsOf(this.instances.stream().map(PerInstanceSubscriptionIntegrationTests::url).toList());
		assertThat(subscriptions).allSatisfy((subscription) -> {
			assertThat(subscription.paths()).containsExactly(DEMO);
			assertThat(subscription.events()).containsExactlyElementsOf(SubscriptionRegistrar.EVENTS);
		});
		assertThat(this.instances.get(0).getBean("scaivaultRefreshHealthIndicator", HealthIndicator.class)
			.health(true)
			.getDetails()).containsEntry("fanOut", "per-instance-subscriptions");
	}

	@Test
	void rotateWhenPerInstanceThenTheWebhookReachesEveryInstance() throws InterruptedException {
		int version = rotate();
		for (ConfigurableApplicationContext instance : this.instances) {
			assertThat(awaitWebhook(instance, version).path()).isEqualTo(DEMO);
			awaitApplied(instance, version);
		}
	}

	@Test
	void stopWhenPerInstanceThenRemovesOwnSubscription(CapturedOutput output) {
		List<String> before = ids(perInstance(this.admin, APPLICATION));
		ConfigurableApplicationContext fourth = run(this.server, APPLICATION, token(this.server));
		String name = fourth.getBean(InstanceSubscriptionRegistrar.class).name();
		assertThat(name).startsWith(APPLICATION + "-scaivault-refresh@").hasSizeGreaterThan(APPLICATION.length() + 20);
		assertThat(perInstance(this.admin, APPLICATION)).hasSize(before.size() + 1)
			.filteredOn((subscription) -> name.equals(subscription.name()))
			.singleElement()
			.satisfies((subscription) -> assertThat(subscription.delivery().url()).isEqualTo(url(fourth)));
		fourth.close();
		assertThat(ids(perInstance(this.admin, APPLICATION))).containsExactlyInAnyOrderElementsOf(before);
		assertThat(output).contains("Deleted ScaiVault subscription '" + name + "'");
	}

	@Test
	void stopWhenDeletionFailsThenLogsWithoutSecretsAndStillStops(CapturedOutput output) {
		List<String> before = ids(perInstance(this.admin, APPLICATION));
		String token = token(this.server);
		ConfigurableApplicationContext fifth = run(this.server, APPLICATION, token, "--scaivault.refresh.webhook.instance-id=revoked");
		try {
			this.server.revokeToken(token);
			fifth.close();
			assertThat(fifth.isActive()).isFalse();
			assertThat(output).contains("Could not delete ScaiVault subscription '" + APPLICATION
					+ "-scaivault-refresh@revoked'")
				.doesNotContain(token)
				.doesNotContain(WEBHOOK_SECRET);
		}
		finally {
			perInstance(this.admin, APPLICATION).stream()
				.filter((subscription) -> !before.contains(subscription.id()))
				.forEach((subscription) -> this.admin.subscriptions().delete(subscription.id()));
		}
	}

	@Test
	void startWhenRegistrationFailsThenRetriesSoonerThanTheRenewalUntilItSucceeds(CapturedOutput output) {
		Duration renewal = Duration.ofHours(1).dividedBy(3);
		this.server.faults().add(Fault.internalError().forMethod("POST").forPath("/v1/subscriptions"));
		ConfigurableApplicationContext late = null;
		try {
			late = run(this.server, APPLICATION, token(this.server), "--scaivault.refresh.webhook.instance-id=late");
			InstanceSubscriptionRegistrar registrar = late.getBean(InstanceSubscriptionRegistrar.class);
			assertThat(perInstance(this.admin, APPLICATION)).extracting(Subscription::name)
				.doesNotContain(registrar.name());
			assertThat(output).contains("until a retry succeeds");
			// the first retry (15 s) was scheduled at start; each next one waits twice as long
			assertThat(registrar.nextRenewal()).isEqualTo(InstanceSubscriptionRegistrar.FIRST_RETRY.multipliedBy(2));
			assertThat(registrar.nextRenewal()).isEqualTo(InstanceSubscriptionRegistrar.FIRST_RETRY.multipliedBy(4));
			this.server.faults().clear();
			assertThat(registrar.register()).isNotNull();
			assertThat(registrar.nextRenewal()).isEqualTo(renewal);
			registrar.deregister();
			assertThat(registrar.nextRenewal()).isEqualTo(InstanceSubscriptionRegistrar.FIRST_RETRY);
		}
		finally {
			this.server.faults().clear();
			if (late != null) {
				late.close();
			}
		}
	}

	@Test
	void renewWhenPerInstanceThenReplacesOwnPreviousSubscription() {
		ConfigurableApplicationContext second = this.instances.get(1);
		InstanceSubscriptionRegistrar registrar = second.getBean(InstanceSubscriptionRegistrar.class);
		List<Subscription> before = perInstance(this.admin, APPLICATION);
		String previous = own(before, registrar.name()).id();
		Subscription renewed = registrar.register();
		assertThat(renewed).isNotNull();
		assertThat(renewed.id()).isNotEqualTo(previous);
		List<Subscription> after = perInstance(this.admin, APPLICATION);
		assertThat(own(after, registrar.name()).id()).isEqualTo(renewed.id());
		assertThat(ids(after)).hasSameSizeAs(before).doesNotContain(previous);
	}

	@Test
	void deliverWhenTheOwnSubscriptionsOverlapThenTheEventIsTakenOnce() throws InterruptedException {
		// the moment of a renewal: the new subscription exists, the previous one is not deleted yet
		ConfigurableApplicationContext first = this.instances.get(0);
		InstanceSubscriptionRegistrar registrar = first.getBean(InstanceSubscriptionRegistrar.class);
		this.admin.subscriptions()
			.create(registrar.name(), List.of(DEMO), SubscriptionRegistrar.EVENTS,
					WebhookDelivery.webhook(url(first), WEBHOOK_SECRET));
		assertThat(perInstance(this.admin, APPLICATION)).filteredOn((s) -> registrar.name().equals(s.name())).hasSize(2);
		double replayedBefore = replayed(first);
		int version = rotate();
		WebhookEvent event = awaitWebhook(first, version);
		awaitApplied(first, version);
		await("the second delivery of " + event.id() + " rejected as a replay", () -> replayed(first) > replayedBefore);
		assertThat(first.getBean(Recorder.class).webhooks).noneMatch((other) -> other.id().equals(event.id()));
		registrar.register();
		assertThat(perInstance(this.admin, APPLICATION)).filteredOn((s) -> registrar.name().equals(s.name())).hasSize(1);
	}

	@Test
	void startWhenSubscriptionsOfDeadInstancesAreStaleThenDeletesThem(CapturedOutput output) {
		try (ScaiVaultDevServer server = ScaiVaultDevServer.builder().seed(SEED).start();
				ScaiVaultClient admin = ScaiVaultClient.builder().baseUrl(server.baseUrl()).token(server.rootToken()).build()) {
			Subscription dead = create(admin, "stale-tests-scaivault-refresh@dead-pod", "http://10.0.0.7:8080/scaivault/events");
			Subscription otherApplication = create(admin, "other-scaivault-refresh@old-pod", "http://10.0.0.8:8080/x");
			Subscription shared = create(admin, "stale-tests-scaivault-refresh", "http://lb.example.com/scaivault/events");
			server.clock().advance(Duration.ofHours(2));
			Subscription live = create(admin, "stale-tests-scaivault-refresh@live-pod", "http://10.0.0.9:8080/scaivault/events");
			try (ConfigurableApplicationContext instance = run(server, "stale-tests", token(server),
					"--scaivault.refresh.webhook.instance-id=new-pod", "--scaivault.refresh.webhook.stale-after=1h")) {
				List<String> ids = ids(admin.subscriptions().list().data());
				assertThat(ids).doesNotContain(dead.id()).contains(otherApplication.id(), shared.id(), live.id());
				assertThat(output).contains("Deleted ScaiVault subscription 'stale-tests-scaivault-refresh@dead-pod' ("
						+ dead.id() + "): older than PT1H, stale");
				// an earlier run of this instance at the same address, under another instance id
				Subscription restarted = create(admin, "stale-tests-scaivault-refresh@previous-run", url(instance));
				instance.getBean(InstanceSubscriptionRegistrar.class).register();
				assertThat(ids(admin.subscriptions().list().data())).doesNotContain(restarted.id())
					.contains(otherApplication.id(), shared.id(), live.id());
			}
			assertThat(admin.subscriptions().list().data()).extracting(Subscription::name)
				.containsExactlyInAnyOrder("other-scaivault-refresh@old-pod", "stale-tests-scaivault-refresh",
						"stale-tests-scaivault-refresh@live-pod");
		}
	}

	private static ConfigurableApplicationContext run(ScaiVaultDevServer server, String application, String token,
			String... more) {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.application.name=" + application,
				"--spring.security.user.password=test-only", "--scaivault.base-url=" + server.baseUrl(),
				"--scaivault.token=" + token, "--spring.config.import=scaivault:" + DEMO + "?prefix=demo.",
				"--scaivault.refresh.webhook.secret=" + WEBHOOK_SECRET, "--scaivault.refresh.poll-interval=0",
				"--scaivault.refresh.webhook.registration=per-instance", "--POD_IP=127.0.0.1",
				"--scaivault.refresh.webhook.callback-url=http://${POD_IP}:${local.server.port}/scaivault/events"));
		args.addAll(List.of(more));
		SpringApplication instance = new SpringApplication(RefreshTestApplication.class);
		instance.setWebApplicationType(WebApplicationType.SERVLET);
		return instance.run(args.toArray(String[]::new));
	}

	private static String token(ScaiVaultDevServer server) {
		return server.issueToken("sa:instance-" + UUID.randomUUID(), "group:instances");
	}

	private static String url(ConfigurableApplicationContext instance) {
		return "http://127.0.0.1:" + instance.getEnvironment().getProperty("local.server.port") + "/scaivault/events";
	}

	private static Subscription create(ScaiVaultClient admin, String name, String url) {
		return admin.subscriptions()
			.create(name, List.of(DEMO), SubscriptionRegistrar.EVENTS, WebhookDelivery.webhook(url, "whsec_other"));
	}

	private static List<Subscription> perInstance(ScaiVaultClient admin, String application) {
		return admin.subscriptions()
			.list()
			.data()
			.stream()
			.filter((subscription) -> subscription.name().startsWith(application + "-scaivault-refresh@"))
			.toList();
	}

	private static Subscription own(List<Subscription> subscriptions, String name) {
		return subscriptions.stream().filter((subscription) -> name.equals(subscription.name())).findFirst().orElseThrow();
	}

	private static List<String> ids(List<Subscription> subscriptions) {
		return subscriptions.stream().map(Subscription::id).toList();
	}

	private int rotate() {
		return this.admin.secrets()
			.rotate(DEMO, RotateSecretRequest.builder()
				.reason("test")
				.newValue(Map.of("password", "pw-ROTATED-" + UUID.randomUUID()))
				.build())
			.version();
	}

	private static double replayed(ConfigurableApplicationContext instance) {
		Counter counter = instance.getBean(MeterRegistry.class)
			.find(MicrometerRefreshMetrics.EVENTS)
			.tag("outcome", RefreshOutcome.REPLAYED.tag())
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

	private static WebhookEvent awaitWebhook(ConfigurableApplicationContext instance, int version)
			throws InterruptedException {
		Recorder recorder = instance.getBean(Recorder.class);
		long deadline = System.nanoTime() + TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			WebhookEvent event = recorder.webhooks.poll(1, TimeUnit.SECONDS);
			if (event != null && Integer.valueOf(version).equals(event.version())) {
				return event;
			}
		}
		throw new AssertionError("No webhook for version " + version + " within " + TIMEOUT);
	}

	private static void awaitApplied(ConfigurableApplicationContext instance, int version) throws InterruptedException {
		Recorder recorder = instance.getBean(Recorder.class);
		long deadline = System.nanoTime() + TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			ScaiVaultSecretChangedEvent change = recorder.changes.poll(1, TimeUnit.SECONDS);
			if (change != null && change.newVersion() == version) {
				return;
			}
		}
		throw new AssertionError("Version " + version + " was not applied within " + TIMEOUT);
	}

	private static void await(String what, BooleanSupplier condition) {
		Waits.until(condition, what, TIMEOUT);
	}

}
