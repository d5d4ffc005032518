package ai.scailabs.scaivault.client.http;

import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

import org.jspecify.annotations.Nullable;

/**
 * The one {@link HttpClient} of a ScaiVault client (pooled keep-alive connections) with the threads
 * it owns, released together by {@link #close()}.
 *
 * <p>A client that only speaks plain {@code http} (the dev server, a sidecar on loopback) gets an
 * TLS context that does nothing: the JDK client would otherwise load the JVM's default trust store,
 * its security providers and some 800 classes at start-up for nothing. On JDK 17 an {@code HttpClient} cannot be closed:
 * {@link #close()} stops the client's own threads, stops the JDK's selector thread (see
 * {@link #stopSelectorThread(HttpClient)}) and drops the reference (JDK 21 and later: closed).
 */
public final class HttpResources implements AutoCloseable {

	/** How long {@link #close()} waits for the JDK 17 selector thread to end. */
	private static final long SELECTOR_STOP_WAIT_MILLIS = 200;

	private final ExecutorService executor;

	private final @Nullable ScheduledExecutorService scheduler;

	private volatile @Nullable HttpClient httpClient;

	/**
	 * Create the resources.
	 * @param connectTimeout connect timeout
	 * @param sslContext SSL context for a private CA, or {@code null} for the JDK default
	 * @param http2 whether to prefer HTTP/2 (for {@code https}); plain {@code http} uses HTTP/1.1
	 * @param withScheduler whether to create a scheduler for retry delays
	 */
	public HttpResources(Duration connectTimeout, @Nullable SSLContext sslContext, boolean http2,
			boolean withScheduler) {
		this(connectTimeout, sslContext, http2, withScheduler, false);
	}

	/**
	 * Create the resources.
	 * @param connectTimeout connect timeout
	 * @param sslContext SSL context for a private CA, or {@code null} for the JDK default
	 * @param http2 whether to prefer HTTP/2 (for {@code https}); plain {@code http} uses HTTP/1.1
	 * @param withScheduler whether to create a scheduler for retry delays
	 * @param plainHttpOnly whether every URL the client calls is plain {@code http}, so that no TLS
	 * set-up is needed (ignored when an SSL context is given)
	 */
	public HttpResources(Duration connectTimeout, @Nullable SSLContext sslContext, boolean http2,
			boolean withScheduler, boolean plainHttpOnly) {
		this.executor = Executors.newCachedThreadPool(daemonThreads("scaivault-http-"));
		this.scheduler = withScheduler ? Executors.newSingleThreadScheduledExecutor(daemonThreads("scaivault-retry-"))
				: null;
		HttpClient.Builder builder = HttpClient.newBuilder()
			.executor(this.executor)
			.connectTimeout(connectTimeout)
			.followRedirects(HttpClient.Redirect.NEVER)
			.version(http2 ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1);
		try {
			if (sslContext != null) {
				builder.sslContext(sslContext);
			}
			else if (plainHttpOnly) {
				// Never used: no TLS provider, trust store or cipher suite is loaded.
				builder.sslContext(new SSLContext(new NoTls(), null, "none") {
				}).sslParameters(new SSLParameters());
			}
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

	/**
	 * Return the HTTP client.
	 * @return the client
	 * @throws IllegalStateException once closed
	 */
	public HttpClient httpClient() {
		HttpClient client = this.httpClient;
		if (client == null) {
			throw new IllegalStateException("The ScaiVault HTTP client is closed");
		}
		return client;
	}

	public @Nullable ScheduledExecutorService scheduler() {
		return this.scheduler;
	}

	@Override
	public void close() {
		if (this.scheduler != null) {
			this.scheduler.shutdownNow();
		}
		HttpClient client = this.httpClient;
		this.httpClient = null;
		if (client instanceof AutoCloseable closeable) {
			// JDK 21+: closes connections and the selector thread.
			try {
				closeable.close();
			}
			catch (Exception ex) {
				// ignore: nothing left to release
			}
		}
		else if (client != null) {
			stopSelectorThread(client);
		}
		this.executor.shutdownNow();
	}

	/**
	 * JDK 17: stop the client's selector thread, which otherwise runs until the client is garbage
	 * collected. It waits in native code ({@code epoll_wait}), and the JVM's exit waits up to 300 ms
	 * for such threads, so every application that used the client exited 300 ms late. Interrupting
	 * it ends its loop, which closes the selector and the pooled connections. The thread is found by
	 * the name the JDK gives it, {@code HttpClient-<id>-SelectorManager}, with the id from the
	 * client's {@code toString()} ({@code ...HttpClientImpl@1b2c3d(<id>)}); if either ever differs,
	 * nothing is stopped and the thread ends with the client as before.
	 * @param client the closed client
	 */
	static void stopSelectorThread(HttpClient client) {
		String description = client.toString();
		int open = description.lastIndexOf('(');
		if (open < 0 || !description.endsWith(")")) {
			return;
		}
		String name = "HttpClient-" + description.substring(open + 1, description.length() - 1) + "-SelectorManager";
		Thread selector = findThread(name);
		if (selector == null) {
			return;
		}
		selector.interrupt();
		try {
			selector.join(SELECTOR_STOP_WAIT_MILLIS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static @Nullable Thread findThread(String name) {
		ThreadGroup root = Thread.currentThread().getThreadGroup();
		while (root.getParent() != null) {
			root = root.getParent();
		}
		Thread[] threads = new Thread[root.activeCount() + 16];
		int count = root.enumerate(threads, true);
		for (int i = 0; i < count; i++) {
			if (name.equals(threads[i].getName())) {
				return threads[i];
			}
		}
		return null;
	}

	private static ThreadFactory daemonThreads(String prefix) {
		AtomicInteger counter = new AtomicInteger();
		return (runnable) -> {
			Thread thread = new Thread(runnable, prefix + counter.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

	/**
	 * The TLS of a client that only speaks plain {@code http}: there is none.
	 */
	private static final class NoTls extends SSLContextSpi {

		private static final String MESSAGE = "This ScaiVault client only calls plain http URLs";

		@Override
		protected void engineInit(KeyManager @Nullable [] keyManagers, TrustManager @Nullable [] trustManagers,
				@Nullable SecureRandom random) {
			throw new UnsupportedOperationException(MESSAGE);
		}

		@Override
		protected SSLSocketFactory engineGetSocketFactory() {
			throw new UnsupportedOperationException(MESSAGE);
		}

		@Override
		protected SSLServerSocketFactory engineGetServerSocketFactory() {
			throw new UnsupportedOperationException(MESSAGE);
		}

		@Override
		protected SSLEngine engineCreateSSLEngine() {
			throw new UnsupportedOperationException(MESSAGE);
		}

		@Override
		protected SSLEngine engineCreateSSLEngine(String host, int port) {
			throw new UnsupportedOperationException(MESSAGE);
		}

		@Override
		protected SSLSessionContext engineGetServerSessionContext() {
			throw new UnsupportedOperationException(MESSAGE);
		}

		@Override
		protected SSLSessionContext engineGetClientSessionContext() {
			throw new UnsupportedOperationException(MESSAGE);
		}

	}

}
