package ai.scailabs.scaivault.client.http;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;

import org.jspecify.annotations.Nullable;

/**
 * The one {@link HttpClient} of a ScaiVault client (pooled keep-alive connections) with the threads
 * it owns, released together by {@link #close()}.
 */
public final class HttpResources implements AutoCloseable {

	private final ExecutorService executor;

	private final @Nullable ScheduledExecutorService scheduler;

	private final HttpClient httpClient;

	/**
	 * Create the resources.
	 * @param connectTimeout connect timeout
	 * @param sslContext SSL context for a private CA, or {@code null} for the JDK default
	 * @param http2 whether to prefer HTTP/2 (for {@code https}); plain {@code http} uses HTTP/1.1
	 * @param withScheduler whether to create a scheduler for retry delays
	 */
	public HttpResources(Duration connectTimeout, @Nullable SSLContext sslContext, boolean http2,
			boolean withScheduler) {
		this.executor = Executors.newCachedThreadPool(daemonThreads("scaivault-http-"));
		this.scheduler = withScheduler ? Executors.newSingleThreadScheduledExecutor(daemonThreads("scaivault-retry-"))
				: null;
		HttpClient.Builder builder = HttpClient.newBuilder()
			.executor(this.executor)
			.connectTimeout(connectTimeout)
			.followRedirects(HttpClient.Redirect.NEVER)
			.version(http2 ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1);
		if (sslContext != null) {
			builder.sslContext(sslContext);
		}
		try {
			this.httpClient = builder.build();
		}
		catch (RuntimeException ex) {
			this.executor.shutdownNow();
			if (this.scheduler != null) {
				this.scheduler.shutdownNow();
			}
			throw ex;
		}
	}

	public HttpClient httpClient() {
		return this.httpClient;
	}

	public @Nullable ScheduledExecutorService scheduler() {
		return this.scheduler;
	}

	@Override
	public void close() {
		if (this.scheduler != null) {
			this.scheduler.shutdownNow();
		}
		if (this.httpClient instanceof AutoCloseable closeable) {
			// JDK 21+: closes connections and the selector thread.
			try {
				closeable.close();
			}
			catch (Exception ex) {
				// ignore: nothing left to release
			}
		}
		this.executor.shutdownNow();
	}

	private static ThreadFactory daemonThreads(String prefix) {
		AtomicInteger counter = new AtomicInteger();
		return (runnable) -> {
			Thread thread = new Thread(runnable, prefix + counter.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

}
