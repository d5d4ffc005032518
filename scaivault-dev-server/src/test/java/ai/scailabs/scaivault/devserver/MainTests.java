package ai.scailabs.scaivault.devserver;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of the standalone {@link Main}.
 */
class MainTests {

	final ByteArrayOutputStream out = new ByteArrayOutputStream();

	final ByteArrayOutputStream err = new ByteArrayOutputStream();

	Main.Launch launch(String... args) {
		return Main.launch(args, new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8));
	}

	@Test
	void helpListsEveryOptionAndExitsWithZero() {
		Main.Launch launch = launch("--help");
		assertThat(launch.exitCode()).isZero();
		assertThat(launch.server()).isNull();
		assertThat(this.out.toString(StandardCharsets.UTF_8)).contains("--port=", "--root-token=", "--seed=",
				"--https", "--token-lifetime=", "--client=", "--help", "Never use it in production");
	}

	@Test
	void unknownOptionPrintsMessageAndExitsWithTwo() {
		Main.Launch launch = launch("--colour=red");
		assertThat(launch.exitCode()).isEqualTo(2);
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("unknown option '--colour'", "--help");
	}

	@Test
	void badPortPrintsMessageAndExitsWithTwo() {
		assertThat(launch("--port=http").exitCode()).isEqualTo(2);
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("--port must be a number");
	}

	@Test
	void badTokenLifetimePrintsMessageAndExitsWithTwo() {
		assertThat(launch("--token-lifetime=soon").exitCode()).isEqualTo(2);
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("--token-lifetime");
	}

	@Test
	void missingSeedFilePrintsMessageAndExitsWithTwo() {
		assertThat(launch("--seed=/no/such/seed.json").exitCode()).isEqualTo(2);
	}

	@Test
	void durationAcceptsSumsAndIso() {
		assertThat(Main.duration("1h30m")).isEqualTo(Duration.ofMinutes(90));
		assertThat(Main.duration("15s")).isEqualTo(Duration.ofSeconds(15));
		assertThat(Main.duration("PT2H")).isEqualTo(Duration.ofHours(2));
	}

	@Test
	void launchStartsServerWithBannerRootTokenClientsAndSeed(@TempDir Path dir) throws IOException {
		Path seed = dir.resolve("seed.json");
		Files.writeString(seed, """
				{"policies": [{"name": "seeded", "rules": [{"path_pattern": "a/**", "permissions": ["read"]}],
				  "bindings": [{"identity_type": "service_account", "identity_id": "sa:reporting-service"}]}]}""");
		Main.Launch launch = launch("--port=0", "--root-token=dev-root", "--token-lifetime=15m",
				"--client=reporting:s3cret:sa:reporting-service:group:developers", "--seed=" + seed);
		ScaiVaultDevServer server = launch.server();
		assertThat(server).isNotNull();
		try {
			String banner = this.out.toString(StandardCharsets.UTF_8);
			assertThat(banner).contains("DEV server", "in-memory", "NEVER use it in production", server.baseUrl(),
					"Root token: dev-root");
			DevServerHttp http = new DevServerHttp(server);
			assertThat(http.get("/v1/policies", "dev-root").json().path("data").get(0).path("name").asString())
				.isEqualTo("seeded");
			DevServerHttp.Response token = http.postForm("/oauth/token",
					"grant_type=client_credentials&client_id=reporting&client_secret=s3cret");
			assertThat(token.json().path("expires_in").asLong()).isEqualTo(900);
		}
		finally {
			server.close();
		}
	}

	@Test
	void mainRunsAsSubprocessOnFreePort() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
		List<String> command = new ArrayList<>(List.of(javaBin.toString(), "-cp", System.getProperty("java.class.path"),
				Main.class.getName(), "--port=" + port, "--root-token=dev-root"));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		try {
			// read on another thread, so that a subprocess that never prints fails the test in a minute
			String baseUrl = CompletableFuture.supplyAsync(() -> baseUrlLine(process))
				.get(1, TimeUnit.MINUTES);
			assertThat(baseUrl).isEqualTo("http://127.0.0.1:" + port);
			java.net.http.HttpResponse<String> health = java.net.http.HttpClient.newHttpClient()
				.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl + "/v1/health")).build(),
						java.net.http.HttpResponse.BodyHandlers.ofString());
			assertThat(health.statusCode()).isEqualTo(200);
		}
		finally {
			process.destroy();
			if (!process.waitFor(1, TimeUnit.MINUTES)) {
				process.destroyForcibly();
			}
		}
	}

	private static @Nullable String baseUrlLine(Process process) {
		try {
			BufferedReader reader = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.startsWith("Base URL:")) {
					return line.substring("Base URL:".length()).trim();
				}
			}
			return null;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
