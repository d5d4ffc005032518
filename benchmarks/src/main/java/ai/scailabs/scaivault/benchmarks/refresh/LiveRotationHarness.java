package ai.scailabs.scaivault.benchmarks.refresh;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import ai.scailabs.scaivault.benchmarks.Harness;
import ai.scailabs.scaivault.benchmarks.Samples;
import ai.scailabs.scaivault.benchmarks.refresh.RotationApp.Change;
import ai.scailabs.scaivault.benchmarks.refresh.RotationApp.Changes;
import ai.scailabs.scaivault.benchmarks.refresh.RotationApp.RotationProperties;
import ai.scailabs.scaivault.client.ScaiVaultClient;
import ai.scailabs.scaivault.client.secrets.RotateSecretRequest;
import ai.scailabs.scaivault.devserver.ScaiVaultDevServer;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Rotate, then time until the application's {@code @ConfigurationProperties} bean holds the new
 * value, on two running applications side by side, against one dev server:
 * <ul>
 * <li><b>webhook</b>: a Spring MVC app that registered its own subscription; the dev server posts a
 * signed {@code secret.rotated} to it (polling off);</li>
 * <li><b>poll</b>: a Spring MVC app with no webhook, polling every {@code --poll-interval};</li>
 * <li><b>baseline</b>: the rotate call alone (its HTTP round trip and the dev server's write), which
 * both figures include.</li>
 * </ul>
 * Rotations alternate between the two apps (each rotates its own path), so a change of machine load
 * hits both alike. Each sample runs from just before the rotate call to the moment the app's
 * listener of {@code ScaiVaultSecretChangedEvent} runs, which is after the bean was rebound; the
 * harness then checks that the bean holds the rotated value. No value is printed.
 * <p>
 * Options: {@code --rotations N} (default 200, after 20 discarded warm-up rotations per mode),
 * {@code --poll-interval 200ms}.
 */
public final class LiveRotationHarness {

	private static final String WEBHOOK_PATH = "bench/rotation/webhook";

	private static final String POLL_PATH = "bench/rotation/poll";

	private static final int WARM_UP = 20;

	private LiveRotationHarness() {
	}

	/**
	 * @param args {@code --rotations N}, {@code --poll-interval 200ms}
	 * @throws Exception when a rotation does not arrive within 30 s
	 */
	public static void main(String[] args) throws Exception {
		int rotations = Integer.parseInt(Harness.option(args, "--rotations", "200"));
		String pollInterval = Harness.option(args, "--poll-interval", "200ms");
		System.out.printf(Locale.ROOT, "%d cores, load average %.2f; %d rotations per mode (+%d warm-up), poll interval %s%n",
				Runtime.getRuntime().availableProcessors(), Harness.loadAverage(), rotations, WARM_UP, pollInterval);
		String seed = "{\"secrets\": {\"" + WEBHOOK_PATH + "\": {\"data\": {\"password\": \"w-0\"}}, \"" + POLL_PATH
				+ "\": {\"data\": {\"password\": \"p-0\"}}}}";
		try (ScaiVaultDevServer server = ScaiVaultDevServer.builder().seed(seed).start();
				ScaiVaultClient admin = ScaiVaultClient.builder()
					.baseUrl(server.baseUrl())
					.token(server.rootToken())
					.build();
				ConfigurableApplicationContext webhook = start(server, WEBHOOK_PATH, "--scaivault.refresh.poll-interval=0",
						"--scaivault.refresh.webhook.secret=whsec_benchmark",
						"--scaivault.refresh.webhook.callback-url=http://127.0.0.1:${local.server.port}/scaivault/events");
				ConfigurableApplicationContext poll = start(server, POLL_PATH,
						"--scaivault.refresh.poll-interval=" + pollInterval)) {
			Samples webhookSamples = new Samples();
			Samples pollSamples = new Samples();
			Samples baselineSamples = new Samples();
			Instant begin = Instant.now();
			double loadBefore = Harness.loadAverage();
			for (int i = 1; i <= WARM_UP + rotations; i++) {
				boolean measured = i > WARM_UP;
				long webhookNanos = rotate(admin, webhook, WEBHOOK_PATH, "w-" + i, measured ? baselineSamples : null);
				long pollNanos = rotate(admin, poll, POLL_PATH, "p-" + i, null);
				if (measured) {
					webhookSamples.add(webhookNanos);
					pollSamples.add(pollNanos);
				}
			}
			System.out.printf(Locale.ROOT, "%s to %s UTC, load %.2f -> %.2f, %d POST /v1/secrets/batch by the poller%n",
					begin, Instant.now(), loadBefore, Harness.loadAverage(), server.requestCount("POST", "/v1/secrets/batch"));
			System.out.println("| mode | samples | p50 | p90 | p99 | max | p50 / baseline p50 |");
			System.out.println("|---|---|---|---|---|---|---|");
			Harness.latencyRow("baseline (rotate call)", baselineSamples, baselineSamples);
			Harness.latencyRow("webhook", webhookSamples, baselineSamples);
			Harness.latencyRow("poll (" + pollInterval + ")", pollSamples, baselineSamples);
		}
	}

	private static ConfigurableApplicationContext start(ScaiVaultDevServer server, String path, String... extra) {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off",
				"--logging.level.root=warn", "--spring.application.name=bench-" + path.substring(path.lastIndexOf('/') + 1),
				"--scaivault.base-url=" + server.baseUrl(), "--scaivault.token=" + server.rootToken(),
				"--spring.config.import=scaivault:" + path + "?prefix=bench.rotation."));
		args.addAll(List.of(extra));
		SpringApplication application = new SpringApplication(RotationApp.class);
		application.setWebApplicationType(WebApplicationType.SERVLET);
		return application.run(args.toArray(String[]::new));
	}

	private static long rotate(ScaiVaultClient admin, ConfigurableApplicationContext app, String path, String value,
			@Nullable Samples baseline) throws InterruptedException {
		Changes changes = app.getBean(Changes.class);
		long start = System.nanoTime();
		int version = admin.secrets()
			.rotate(path, RotateSecretRequest.builder().newValue(Map.of("password", value)).build())
			.version();
		if (baseline != null) {
			baseline.add(System.nanoTime() - start);
		}
		long deadline = start + TimeUnit.SECONDS.toNanos(30);
		while (true) {
			Change change = changes.poll(deadline - System.nanoTime());
			if (change == null) {
				throw new IllegalStateException("Version " + version + " of " + path + " did not arrive within 30 s");
			}
			if (change.version() == version) {
				if (!Objects.equals(app.getBean(RotationProperties.class).getPassword(), value)) {
					throw new IllegalStateException("The bean does not hold version " + version + " of " + path);
				}
				return change.nanos() - start;
			}
		}
	}

}
