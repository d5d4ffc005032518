package ai.scailabs.scaivault.benchmarks.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;

import ai.scailabs.scaivault.client.ScaiVaultAsyncClient;
import ai.scailabs.scaivault.client.ScaiVaultClient;
import ai.scailabs.scaivault.client.secrets.Secret;
import ai.scailabs.scaivault.devserver.ScaiVaultDevServer;

/**
 * The core client against the bare JDK {@link HttpClient} reading the same secret from the same
 * in-process dev server on 127.0.0.1: {@code clientRead} ({@code client.secrets().read}, blocking,
 * JSON parsed into a {@link Secret}) against {@code jdkSend} ({@code HttpClient.send} of the same
 * {@code GET}, body kept as bytes), and {@code asyncClientRead} ({@code client.async().secrets().read},
 * joined) against {@code jdkSendAsync} ({@code sendAsync(...).join()}). Default client settings
 * (retries on, none needed). Server, clients and JMH share the JVM and the cores, so the dev
 * server's own cost is in both sides of each pair. Warm-up is long (15 s) because the client's path
 * and the server's must both be compiled before the pairs compare. Threads come from JMH's
 * {@code -t}; {@link ClientBenchmarks} runs the pairs in rounds and prints paired ratios.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 3, time = 3)
public class ClientThroughputBenchmark {

	static {
		Logger.getLogger(ScaiVaultDevServer.class.getName()).setLevel(Level.SEVERE);
	}

	static final String READ_PATH = "bench/read/db";

	private ScaiVaultDevServer server;

	private ScaiVaultClient client;

	private ScaiVaultAsyncClient asyncClient;

	private HttpClient httpClient;

	private HttpRequest request;

	private HttpRequest requestWithTimeout;

	/** Start the server, seed the secret and build the clients. */
	@Setup
	public void start() {
		this.server = ScaiVaultDevServer.builder()
			.seed("{\"secrets\": {\"" + READ_PATH + "\": {\"data\": {\"username\": \"app\", "
					+ "\"password\": \"bench-password-0123456789\", \"url\": \"jdbc:postgresql://db:5432/app\"}}}}")
			.start();
		this.client = ScaiVaultClient.builder().baseUrl(this.server.baseUrl()).token(this.server.rootToken()).build();
		this.asyncClient = ScaiVaultClient.builder()
			.baseUrl(this.server.baseUrl())
			.token(this.server.rootToken())
			.buildAsync();
		this.httpClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		this.request = HttpRequest.newBuilder(URI.create(this.server.baseUrl() + "/v1/secrets/" + READ_PATH))
			.header("Accept", "application/json")
			.header("Authorization", "Bearer " + this.server.rootToken())
			.GET()
			.build();
		this.requestWithTimeout = HttpRequest.newBuilder(this.request, (name, value) -> true)
			.timeout(java.time.Duration.ofSeconds(10))
			.build();
	}

	/** Close the clients and the server. */
	@TearDown
	public void stop() {
		this.client.close();
		this.asyncClient.close();
		this.server.close();
	}

	/**
	 * @return the secret read by the blocking client
	 */
	@Benchmark
	public Secret clientRead() {
		return this.client.secrets().read(READ_PATH);
	}

	/**
	 * @return the secret read by the async client
	 */
	@Benchmark
	public Secret asyncClientRead() {
		return this.asyncClient.secrets().read(READ_PATH).join();
	}

	/**
	 * @return the answer's bytes
	 * @throws IOException when the request fails
	 * @throws InterruptedException when interrupted
	 */
	@Benchmark
	public byte[] jdkSend() throws IOException, InterruptedException {
		return check(this.httpClient.send(this.request, HttpResponse.BodyHandlers.ofByteArray()));
	}

	/**
	 * Not a baseline: {@code jdkSend} with a request timeout, as the client always sets one, to
	 * show what the JDK's timer costs ({@code ClientPairedBenchmark --timer}).
	 * @return the answer's bytes
	 * @throws IOException when the request fails
	 * @throws InterruptedException when interrupted
	 */
	@Benchmark
	public byte[] jdkSendWithTimeout() throws IOException, InterruptedException {
		return check(this.httpClient.send(this.requestWithTimeout, HttpResponse.BodyHandlers.ofByteArray()));
	}

	/**
	 * @return the answer's bytes
	 * @throws IOException when the request fails
	 */
	@Benchmark
	public byte[] jdkSendAsync() throws IOException {
		return check(this.httpClient.sendAsync(this.request, HttpResponse.BodyHandlers.ofByteArray()).join());
	}

	private static byte[] check(HttpResponse<byte[]> response) throws IOException {
		if (response.statusCode() != 200) {
			throw new IOException("Unexpected status " + response.statusCode());
		}
		return response.body();
	}

}
