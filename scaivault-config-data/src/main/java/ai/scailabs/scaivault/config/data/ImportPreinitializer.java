package ai.scailabs.scaivault.config.data;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import ai.scailabs.scaivault.client.ScaiVaultClient;
import ai.scailabs.scaivault.client.http.StreamingJson;

import org.springframework.boot.context.event.ApplicationStartingEvent;
import org.springframework.context.ApplicationListener;

/**
 * Loads, on a background thread as the application starts, what the first request of a
 * {@code scaivault:} import needs: the client and its builder, the JDK {@code HttpClient} under
 * it, request building and the streaming JSON reader. The import runs on the main thread while the
 * environment is prepared and then finds them loaded, instead of loading some 500 classes on the
 * start-up's critical path. Spring Boot's own background pre-initialization starts only after the
 * config data has been processed, too late for this.
 * <p>
 * Like Spring Boot's, it runs only with more than one processor and not when the system property
 * {@value #IGNORE_PROPERTY} is {@code true}. It sends nothing (the client it builds names a port it
 * never calls and is closed at once), holds no secret, and ignores its own failures.
 *
 * @author ScaiLabs
 */
final class ImportPreinitializer implements ApplicationListener<ApplicationStartingEvent> {

	static final String IGNORE_PROPERTY = "spring.backgroundpreinitializer.ignore";

	private static final AtomicBoolean started = new AtomicBoolean();

	private static final byte[] BATCH_ANSWER = """
			{"secrets": {"a/b": {"path": "a/b", "version": 1, "data": {"k": "v"}, "metadata": {},
			"created_at": "2026-01-01T00:00:00Z"}}, "errors": {"c/d": {"code": "not_found", "message": "m"}}}"""
		.getBytes(StandardCharsets.UTF_8);

	@Override
	public void onApplicationEvent(ApplicationStartingEvent event) {
		if (Boolean.getBoolean(IGNORE_PROPERTY) || Runtime.getRuntime().availableProcessors() < 2
				|| !started.compareAndSet(false, true)) {
			return;
		}
		Thread thread = new Thread(ImportPreinitializer::preinitialize, "scaivault-preinit");
		thread.setDaemon(true);
		thread.start();
	}

	static void preinitialize() {
		try {
			HttpRequest.newBuilder(URI.create("http://127.0.0.1:9/v1/secrets/batch"))
				.timeout(Duration.ofSeconds(1))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofByteArray(BATCH_ANSWER))
				.build();
			HttpResponse.BodyHandlers.ofByteArray();
			StreamingJson.read(BATCH_ANSWER, StreamingJson::readValue);
			try (ScaiVaultClient client = ScaiVaultClient.builder()
				.baseUrl("http://127.0.0.1:9")
				.token("preinitialize")
				.build()) {
				client.secrets();
			}
		}
		catch (RuntimeException | LinkageError ex) {
			// only a warm-up: the import itself reports what goes wrong
		}
	}

}
