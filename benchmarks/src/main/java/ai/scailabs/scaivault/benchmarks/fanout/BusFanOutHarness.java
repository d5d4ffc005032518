package ai.scailabs.scaivault.benchmarks.fanout;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import ai.scailabs.scaivault.benchmarks.Harness;
import ai.scailabs.scaivault.benchmarks.Samples;
import ai.scailabs.scaivault.benchmarks.refresh.RotationApp;
import ai.scailabs.scaivault.client.ScaiVaultClient;
import ai.scailabs.scaivault.client.secrets.RotateSecretRequest;
import ai.scailabs.scaivault.devserver.ScaiVaultDevServer;
import ai.scailabs.scaivault.test.amqp.TestBroker;
import ai.scailabs.scaivault.test.amqp.TestBrokers;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Rotate, then time until every one of three replicas holds the new value: three Spring MVC
 * applications joined by Spring Cloud Bus over a real AMQP broker (the machine's RabbitMQ on
 * 127.0.0.1:5672, else the embedded one of {@link TestBrokers}); only replica 0 registered a
 * webhook, so the dev server posts the signed {@code secret.rotated} to it and it announces the
 * new version on the bus; every replica then re-reads the path itself. Polling is off.
 * <p>
 * Each sample runs from just before the rotate call to the moment a replica's listener of
 * {@code ScaiVaultSecretChangedEvent} for that version runs (after its bean was rebound); the
 * harness then checks each bean holds the rotated value. Reported: the last of the three
 * replicas, the receiver of the webhook, and the two replicas fed by the bus, and the rotate call
 * alone as baseline. No value is printed.
 * <p>
 * Runs with the bus on the class path, which only this harness gets (see {@code classpath-bus.txt}
 * in BENCHMARKS.md). Options: {@code --rotations N} (default 100, after 10 discarded warm-up
 * rotations).
 */
public final class BusFanOutHarness {

	private static final String PATH = "bench/fanout/config";

	private static final int REPLICAS = 3;

	private static final int WARM_UP = 10;

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private BusFanOutHarness() {
	}

	/**
	 * @param args {@code --rotations N}
	 * @throws Exception when a rotation does not reach every replica within 30 s
	 */
	public static void main(String[] args) throws Exception {
		int rotations = Integer.parseInt(Harness.option(args, "--rotations", "100"));
		TestBroker broker = TestBrokers.amqp();
		System.out.printf(Locale.ROOT, "%d cores, load average %.2f; %d rotations (+%d warm-up), %d replicas, broker %s%n",
				Runtime.getRuntime().availableProcessors(), Harness.loadAverage(), rotations, WARM_UP, REPLICAS, broker);
		String seed = "{\"secrets\": {\"" + PATH + "\": {\"data\": {\"password\": \"f-0\"}}}}";
		String bus = "scaivault-bench-fanout-" + UUID.randomUUID();
		List<ConfigurableApplicationContext> replicas = new ArrayList<>();
		try (ScaiVaultDevServer server = ScaiVaultDevServer.builder().seed(seed).start();
				ScaiVaultClient admin = ScaiVaultClient.builder()
					.baseUrl(server.baseUrl())
					.token(server.rootToken())
					.build()) {
			for (int i = 0; i < REPLICAS; i++) {
				replicas.add(start(server, broker, bus, i));
			}
			Samples last = new Samples();
			Samples receiver = new Samples();
			Samples busFed = new Samples();
			Samples baseline = new Samples();
			Instant begin = Instant.now();
			double loadBefore = Harness.loadAverage();
			for (int i = 1; i <= WARM_UP + rotations; i++) {
				String value = "f-" + i;
				long start = System.nanoTime();
				int version = admin.secrets()
					.rotate(PATH, RotateSecretRequest.builder().newValue(Map.of("password", value)).build())
					.version();
				long rotated = System.nanoTime();
				long[] seen = new long[REPLICAS];
				for (int r = 0; r < REPLICAS; r++) {
					seen[r] = awaitVersion(replicas.get(r), r, version, value, start) - start;
				}
				if (i > WARM_UP) {
					baseline.add(rotated - start);
					receiver.add(seen[0]);
					long max = seen[0];
					for (int r = 1; r < REPLICAS; r++) {
						busFed.add(seen[r]);
						max = Math.max(max, seen[r]);
					}
					last.add(max);
				}
			}
			System.out.printf(Locale.ROOT, "%s to %s UTC, load %.2f -> %.2f%n", begin, Instant.now(), loadBefore,
					Harness.loadAverage());
			System.out.println("| measured | samples | p50 | p90 | p99 | max | p50 / baseline p50 |");
			System.out.println("|---|---|---|---|---|---|---|");
			Harness.latencyRow("baseline (rotate call)", baseline, baseline);
			Harness.latencyRow("receiver of the webhook (replica 0)", receiver, baseline);
			Harness.latencyRow("bus-fed replicas (1 and 2)", busFed, baseline);
			Harness.latencyRow("last of the three replicas", last, baseline);
		}
		finally {
			for (ConfigurableApplicationContext replica : replicas) {
				replica.close();
			}
		}
	}

	private static ConfigurableApplicationContext start(ScaiVaultDevServer server, TestBroker broker, String bus,
			int index) {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off",
				"--logging.level.root=warn", "--spring.application.name=bench-fanout",
				"--scaivault.base-url=" + server.baseUrl(), "--scaivault.token=" + server.rootToken(),
				"--spring.config.import=scaivault:" + PATH + "?prefix=bench.rotation.",
				"--scaivault.refresh.poll-interval=0", "--scaivault.refresh.webhook.secret=whsec_benchmark",
				"--spring.cloud.bus.enabled=true", "--spring.cloud.bus.destination=" + bus,
				"--spring.cloud.bus.id=bench-fanout:replica-" + index, "--spring.rabbitmq.host=" + broker.host(),
				"--spring.rabbitmq.port=" + broker.port(), "--spring.rabbitmq.username=" + broker.username(),
				"--spring.rabbitmq.password=" + broker.password()));
		if (index == 0) {
			args.add("--scaivault.refresh.webhook.callback-url=http://127.0.0.1:${local.server.port}/scaivault/events");
		}
		SpringApplication application = new SpringApplication(RotationApp.class);
		application.setWebApplicationType(WebApplicationType.SERVLET);
		return application.run(args.toArray(String[]::new));
	}

	private static long awaitVersion(ConfigurableApplicationContext replica, int index, int version, String value,
			long start) throws InterruptedException {
		RotationApp.Changes changes = replica.getBean(RotationApp.Changes.class);
		long deadline = start + TIMEOUT.toNanos();
		while (true) {
			RotationApp.Change change = changes.poll(deadline - System.nanoTime());
			if (change == null) {
				throw new IllegalStateException(
						"Version " + version + " of " + PATH + " did not reach replica " + index + " within " + TIMEOUT);
			}
			if (change.version() == version) {
				if (!Objects.equals(replica.getBean(RotationApp.RotationProperties.class).getPassword(), value)) {
					throw new IllegalStateException("Replica " + index + "'s bean does not hold version " + version);
				}
				return change.nanos();
			}
		}
	}

}
