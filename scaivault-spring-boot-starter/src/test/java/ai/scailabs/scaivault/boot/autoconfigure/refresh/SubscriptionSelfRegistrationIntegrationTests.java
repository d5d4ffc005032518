package ai.scailabs.scaivault.boot.autoconfigure.refresh;

import java.time.Duration;
import java.util.List;

import ai.scailabs.scaivault.client.ScaiVaultClient;
import ai.scailabs.scaivault.client.subscriptions.Subscription;
import ai.scailabs.scaivault.client.subscriptions.WebhookDelivery;
import ai.scailabs.scaivault.devserver.ScaiVaultDevServer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Self-registration is idempotent across restarts and replicas: every start of the same
 * application leaves exactly one subscription of its name.
 */
class SubscriptionSelfRegistrationIntegrationTests {

	private static final String SEED = """
			{"secrets": {"apps/demo/config": {"data": {"username": "alice", "password": "pw-1"}}}}
			""";

	@Test
	void startTwiceThenExactlyOneSubscription() {
		try (ScaiVaultDevServer server = ScaiVaultDevServer.builder().seed(SEED).start();
				ScaiVaultClient admin = ScaiVaultClient.builder().baseUrl(server.baseUrl()).token(server.rootToken()).build()) {
			try (ConfigurableApplicationContext first = run(server)) {
				assertThat(named(admin)).hasSize(1);
				try (ConfigurableApplicationContext second = run(server)) {
					List<Subscription> subscriptions = named(admin);
					assertThat(subscriptions).singleElement().satisfies((subscription) -> {
						assertThat(subscription.paths()).containsExactly("apps/demo/config");
						assertThat(subscription.delivery().url()).isEqualTo("http://127.0.0.1:"
								+ second.getEnvironment().getProperty("local.server.port") + "/scaivault/events");
					});
				}
			}
			try (ConfigurableApplicationContext restarted = run(server)) {
				assertThat(named(admin)).hasSize(1);
			}
			assertThat(admin.subscriptions().list().data()).hasSize(1);
		}
	}

	@Test
	void startWhenSharedAfterPerInstanceThenDeletesTheStalePerInstanceSubscriptions() {
		try (ScaiVaultDevServer server = ScaiVaultDevServer.builder().seed(SEED).start();
				ScaiVaultClient admin = ScaiVaultClient.builder().baseUrl(server.baseUrl()).token(server.rootToken()).build()) {
			Subscription left = admin.subscriptions()
				.create("replicated-scaivault-refresh@old-pod", List.of("apps/demo/config"), SubscriptionRegistrar.EVENTS,
						WebhookDelivery.webhook("http://10.0.0.7:8080/scaivault/events", "whsec_old"));
			server.clock().advance(Duration.ofHours(2));
			Subscription recent = admin.subscriptions()
				.create("replicated-scaivault-refresh@new-pod", List.of("apps/demo/config"), SubscriptionRegistrar.EVENTS,
						WebhookDelivery.webhook("http://10.0.0.8:8080/scaivault/events", "whsec_new"));
			try (ConfigurableApplicationContext context = run(server)) {
				assertThat(named(admin)).hasSize(1);
				assertThat(admin.subscriptions().list().data()).extracting(Subscription::id)
					.doesNotContain(left.id())
					.contains(recent.id());
			}
		}
	}

	private static List<Subscription> named(ScaiVaultClient admin) {
		return admin.subscriptions()
			.list()
			.data()
			.stream()
			.filter((subscription) -> "replicated-scaivault-refresh".equals(subscription.name()))
			.toList();
	}

	private static ConfigurableApplicationContext run(ScaiVaultDevServer server) {
		SpringApplication application = new SpringApplication(RefreshTestApplication.class);
		application.setWebApplicationType(WebApplicationType.SERVLET);
		return application.run("--server.port=0", "--spring.application.name=replicated",
				"--spring.security.user.password=test-only", "--scaivault.base-url=" + server.baseUrl(),
				"--scaivault.token=" + server.rootToken(), "--spring.config.import=scaivault:apps/demo/config?prefix=demo.",
				"--scaivault.refresh.webhook.secret=whsec_replicas", "--scaivault.refresh.poll-interval=0",
				"--scaivault.refresh.webhook.callback-url=http://127.0.0.1:${local.server.port}/scaivault/events");
	}

}
