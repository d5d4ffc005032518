package ai.scailabs.scaivault.boot.autoconfigure.refresh.bus;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import ai.scailabs.scaivault.boot.autoconfigure.refresh.ScaiVaultSecretChangedEvent;
import ai.scailabs.scaivault.boot.autoconfigure.refresh.bus.BusTestApplication.Changes;
import ai.scailabs.scaivault.boot.autoconfigure.refresh.bus.BusTestApplication.DemoProperties;
import ai.scailabs.scaivault.client.ScaiVaultClient;
import ai.scailabs.scaivault.client.secrets.RotateSecretRequest;
import ai.scailabs.scaivault.devserver.ScaiVaultDevServer;
import ai.scailabs.scaivault.test.Waits;
import ai.scailabs.scaivault.test.amqp.TestBroker;
import ai.scailabs.scaivault.test.amqp.TestBrokers;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
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
 * Three replicas (application contexts on random ports) joined by a real AMQP broker (the machine's
 * RabbitMQ, else an embedded one, see {@link TestBrokers}) on a bus of their own; the dev server
 * delivers one signed webhook to one of them. A queue of the test's own, bound to the bus exchange,
 * reads everything that crosses the broker.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class BusFanOutIntegrationTests {

	private static final String DEMO = "apps/demo/config";

	private static final String SEED = """
			{"secrets": {"apps/demo/config": {"data": {"password": "pw-1-FIRST"}, "secret_type": "json"}},
			 "policies": [{"name": "replicas", "description": "what every replica may read",
			   "rules": [{"path_pattern": "apps/**", "permissions": ["read"]}],
			   "bindings": [{"identity_type": "group", "identity_id": "group:replicas"}]},
			  {"name": "subscriber", "description": "the replica that registers the webhook",
			   "rules": [{"path_pattern": "sys/subscriptions", "permissions": ["admin"]}],
			   "bindings": [{"identity_type": "group", "identity_id": "group:subscriber"}]}]}
			""";

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private final String bus = "scaivault-bus-tests-" + UUID.randomUUID();

	private final List<byte[]> crossed = new CopyOnWriteArrayList<>();

	private final List<ConfigurableApplicationContext> replicas = new ArrayList<>();

	private ScaiVaultDevServer server;

	private ScaiVaultClient admin;

	private TestBroker broker;

	private Connection spy;

	@BeforeAll
	void start() throws Exception {
		this.broker = TestBrokers.amqp();
		this.server = ScaiVaultDevServer.builder().seed(SEED).webhookRetryBaseDelay(Duration.ofMillis(50)).start();
		this.admin = ScaiVaultClient.builder().baseUrl(this.server.baseUrl()).token(this.server.rootToken()).build();
		for (int i = 0; i < 3; i++) {
			this.replicas.add(replica(i));
		}
		ConnectionFactory factory = new ConnectionFactory();
		factory.setHost(this.broker.host());
		factory.setPort(this.broker.port());
		factory.setUsername(this.broker.username());
		factory.setPassword(this.broker.password());
		this.spy = factory.newConnection("scaivault-bus-tests-spy");
		Channel channel = this.spy.createChannel();
		String queue = channel.queueDeclare().getQueue();
		channel.queueBind(queue, this.bus, "#");
		channel.basicConsume(queue, true, (tag, delivery) -> this.crossed.add(delivery.getBody()), (tag) -> {
		});
	}

	private ConfigurableApplicationContext replica(int index) {
		SpringApplication application = new SpringApplication(BusTestApplication.class);
		application.setWebApplicationType(WebApplicationType.SERVLET);
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.application.name=bus-tests",
				"--spring.security.user.password=test-only", "--scaivault.base-url=" + this.server.baseUrl(),
				"--scaivault.token=" + token(index),
				"--spring.config.import=scaivault:" + DEMO + "?prefix=demo.",
				"--scaivault.refresh.webhook.secret=whsec_bus-tests", "--scaivault.refresh.poll-interval=0",
				"--spring.cloud.bus.enabled=true", "--spring.cloud.bus.destination=" + this.bus,
				"--spring.cloud.bus.id=bus-tests:replica-" + index, "--spring.rabbitmq.host=" + this.broker.host(),
				"--spring.rabbitmq.port=" + this.broker.port(), "--spring.rabbitmq.username=" + this.broker.username(),
				"--spring.rabbitmq.password=" + this.broker.password()));
		if (index == 0) {
			// the one replica ScaiVault's webhook reaches
			args.add("--scaivault.refresh.webhook.callback-url=http://127.0.0.1:${local.server.port}/scaivault/events");
		}
		return application.run(args.toArray(String[]::new));
	}

	@AfterAll
	void stop() throws Exception {
		for (ConfigurableApplicationContext replica : this.replicas) {
			replica.close();
		}
		if (this.spy != null) {
			this.spy.close();
		}
		if (this.admin != null) {
			this.admin.close();
		}
		if (this.server != null) {
			this.server.close();
		}
	}

	@Test
	void webhookOnOneReplicaThenEveryReplicaReadsTheNewVersionItselfAndNoValueCrossesTheBroker(
			CapturedOutput output) throws Exception {
		int[] readsBefore = new int[3];
		for (int i = 0; i < 3; i++) {
			readsBefore[i] = reads(i);
		}
		String password = "pw-ROTATED-" + UUID.randomUUID();
		int version = this.admin.secrets()
			.rotate(DEMO, RotateSecretRequest.builder().reason("test").newValue(Map.of("password", password)).build())
			.version();
		for (int i = 0; i < 3; i++) {
			ConfigurableApplicationContext replica = this.replicas.get(i);
			ScaiVaultSecretChangedEvent change = awaitChange(replica, version);
			assertThat(change.path()).isEqualTo(DEMO);
			assertThat(change.changedKeys()).containsExactly("demo.password");
			assertThat(replica.getBean(DemoProperties.class).getPassword()).isEqualTo(password);
			assertThat(replica.getEnvironment().getProperty("demo.password")).isEqualTo(password);
			int index = i;
			await("replica " + i + "'s own read in the audit trail", () -> reads(index) == readsBefore[index] + 1);
		}
		await("the change announced on the bus", () -> crossedText().contains("ScaiVaultSecretChangedRemoteEvent"));
		assertThat(crossedText()).contains(DEMO)
			.contains("\"version\":" + version)
			.doesNotContain(password)
			.doesNotContain("pw-1-FIRST");
		// the counters move after the change event the test waited for, so wait for them too
		await("replica 0 counted the event sent", () -> counter(0, "sent") == 1);
		await("replica 1 counted the event received", () -> counter(1, "received") == 1);
		await("replica 1 counted the event applied", () -> counter(1, "applied") == 1);
		await("replica 2 counted the event applied", () -> counter(2, "applied") == 1);
		assertThat(this.replicas.get(2).getBean("scaivaultRefreshHealthIndicator", HealthIndicator.class)
			.health(true)
			.getDetails()).containsEntry("fanOut", BusFanOut.MODE);
		assertThat(output).doesNotContain(password);
	}

	private int reads(int index) {
		return this.server.audit()
			.entries((entry) -> entry.identityId().equals(identity(index)) && DEMO.equals(entry.path()))
			.size();
	}

	private double counter(int index, String stage) {
		MeterRegistry registry = this.replicas.get(index).getBean(MeterRegistry.class);
		var counter = registry.find(MicrometerBusFanOutMetrics.EVENTS).tag("stage", stage).counter();
		return (counter != null) ? counter.count() : 0;
	}

	private String crossedText() {
		StringBuilder text = new StringBuilder();
		for (byte[] body : this.crossed) {
			text.append(new String(body, StandardCharsets.UTF_8)).append('\n');
		}
		return text.toString();
	}

	private String token(int index) {
		return (index == 0) ? this.server.issueToken(identity(index), "group:replicas", "group:subscriber")
				: this.server.issueToken(identity(index), "group:replicas");
	}

	private static String identity(int index) {
		return "sa:replica-" + index;
	}

	private static ScaiVaultSecretChangedEvent awaitChange(ConfigurableApplicationContext replica, int version)
			throws InterruptedException {
		Changes changes = replica.getBean(Changes.class);
		long deadline = System.nanoTime() + TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			ScaiVaultSecretChangedEvent change = changes.applied.poll(1, TimeUnit.SECONDS);
			if (change != null && change.newVersion() == version) {
				return change;
			}
		}
		throw new AssertionError("Version " + version + " was not applied within " + TIMEOUT);
	}

	private static void await(String what, BooleanSupplier condition) {
		Waits.until(condition, what, TIMEOUT);
	}

}
