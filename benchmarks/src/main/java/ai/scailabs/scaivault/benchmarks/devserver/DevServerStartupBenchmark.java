package ai.scailabs.scaivault.benchmarks.devserver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
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
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import ai.scailabs.scaivault.devserver.ScaiVaultDevServer;

/**
 * Start-up of the embedded dev server in-process: {@code builder()} → {@code start()} → the first
 * {@code GET /v1/health} answered with 200 → {@code close()}, one start per measured operation.
 * <ul>
 * <li>{@code firstStartInFreshJvm}: one start per forked JVM, the cold case a test suite pays once;</li>
 * <li>{@code repeatedStart}: starts after 5 warm-up starts in the same JVM, the case of a test
 * class that starts its own server.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DevServerStartupBenchmark {

	/** Keeps the dev server's start-up warning (one line per start) off the console while measuring. */
	private static final Logger DEV_SERVER_LOGGER = Logger.getLogger(ScaiVaultDevServer.class.getName());

	static {
		DEV_SERVER_LOGGER.setLevel(Level.SEVERE);
	}

	/**
	 * One start in each of 10 fresh JVMs.
	 * @return the health status code
	 */
	@Benchmark
	@Fork(10)
	@Warmup(iterations = 0)
	@Measurement(iterations = 1)
	public int firstStartInFreshJvm() {
		return startAnswerClose();
	}

	/**
	 * 20 starts after 5 warm-up starts, in each of 3 JVMs.
	 * @return the health status code
	 */
	@Benchmark
	@Fork(3)
	@Warmup(iterations = 5)
	@Measurement(iterations = 20)
	public int repeatedStart() {
		return startAnswerClose();
	}

	static int startAnswerClose() {
		try (ScaiVaultDevServer server = ScaiVaultDevServer.builder().start()) {
			int status = health(server.baseUrl());
			if (status != 200) {
				throw new IllegalStateException("GET /v1/health answered " + status + ", expected 200");
			}
			return status;
		}
	}

	private static int health(String baseUrl) {
		try {
			HttpURLConnection connection = (HttpURLConnection) URI.create(baseUrl + "/v1/health").toURL()
				.openConnection();
			try {
				connection.setRequestProperty("Connection", "close");
				int status = connection.getResponseCode();
				try (InputStream body = (status < 400) ? connection.getInputStream() : connection.getErrorStream()) {
					if (body != null) {
						body.readAllBytes();
					}
				}
				return status;
			}
			finally {
				connection.disconnect();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("GET " + baseUrl + "/v1/health failed", ex);
		}
	}

}
