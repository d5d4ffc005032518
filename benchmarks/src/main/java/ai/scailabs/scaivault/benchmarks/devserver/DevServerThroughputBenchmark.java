package ai.scailabs.scaivault.benchmarks.devserver;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import ai.scailabs.scaivault.client.ScaiVaultClient;
import ai.scailabs.scaivault.client.secrets.Secret;
import ai.scailabs.scaivault.client.secrets.WriteResult;
import ai.scailabs.scaivault.devserver.ScaiVaultDevServer;

/**
 * Requests per second that the dev server answers on 127.0.0.1, through one shared
 * {@link ScaiVaultClient} used by 4 threads: {@code secrets().read} of one secret and
 * {@code secrets().write} of a new version (one path per thread). Server, client and JMH share the
 * machine's cores. The client does not retry, so a failed request fails the run.
 * {@code rawRead} reads the same secret with a plain {@code HttpURLConnection} (keep-alive, no JSON
 * parsing), so that the dev server's own cost can be told apart from the JDK {@code HttpClient}'s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(2)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Threads(4)
public class DevServerThroughputBenchmark {

	private static final Logger DEV_SERVER_LOGGER = Logger.getLogger(ScaiVaultDevServer.class.getName());

	static {
		DEV_SERVER_LOGGER.setLevel(Level.SEVERE);
	}

	static final String READ_PATH = "bench/read/db";

	private ScaiVaultDevServer server;

	private ScaiVaultClient client;

	private URL readUrl;

	private String authorization = "";

	/**
	 * Start the server, seed the secret to read and build the client.
	 * @throws IOException when the server's URL is malformed
	 */
	@Setup
	public void start() throws IOException {
		this.server = ScaiVaultDevServer.builder()
			.seed("{\"secrets\": {\"" + READ_PATH + "\": {\"data\": {\"username\": \"app\", "
					+ "\"password\": \"bench-password-0123456789\", \"url\": \"jdbc:postgresql://db:5432/app\"}}}}")
			.start();
		this.client = ScaiVaultClient.builder()
			.baseUrl(this.server.baseUrl())
			.token(this.server.rootToken())
			.maxRetries(0)
			.build();
		this.readUrl = URI.create(this.server.baseUrl() + "/v1/secrets/" + READ_PATH).toURL();
		this.authorization = "Bearer " + this.server.rootToken();
	}

	/** Close the client and the server. */
	@TearDown
	public void stop() {
		this.client.close();
		this.server.close();
	}

	/**
	 * @return the secret read
	 */
	@Benchmark
	public Secret read() {
		return this.client.secrets().read(READ_PATH);
	}

	/**
	 * @return the length of the answer read without the core client
	 * @throws IOException when the request fails
	 */
	@Benchmark
	public int rawRead() throws IOException {
		HttpURLConnection connection = (HttpURLConnection) this.readUrl.openConnection();
		connection.setRequestProperty("Authorization", this.authorization);
		try (InputStream body = connection.getInputStream()) {
			if (connection.getResponseCode() != 200) {
				throw new IOException("Unexpected status " + connection.getResponseCode());
			}
			return body.readAllBytes().length;
		}
	}

	/**
	 * @param path the writing thread's own path
	 * @return the version written
	 */
	@Benchmark
	public WriteResult write(WritePath path) {
		return this.client.secrets().write(path.path, path.data);
	}

	/** The path and values one writing thread writes. */
	@State(Scope.Thread)
	public static class WritePath {

		private static final AtomicInteger threads = new AtomicInteger();

		String path = "";

		Map<String, String> data = Map.of();

		/** Pick this thread's path. */
		@Setup
		public void pick() {
			int thread = threads.incrementAndGet();
			this.path = "bench/write/thread-" + thread;
			this.data = Map.of("username", "app-" + thread, "password", "bench-password-" + thread);
		}

	}

}
