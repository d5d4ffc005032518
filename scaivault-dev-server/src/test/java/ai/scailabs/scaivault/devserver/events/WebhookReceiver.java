package ai.scailabs.scaivault.devserver.events;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver for tests: a JDK {@link HttpServer} that records every request and answers
 * with the queued statuses (then 200). Its signature check is the walk-through's: HMAC-SHA256 hex of
 * the raw body keyed with the subscription secret, compared in constant time.
 */
final class WebhookReceiver implements AutoCloseable {

	private final HttpServer server;

	private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

	private final ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private volatile CountDownLatch hold = new CountDownLatch(0);

	WebhookReceiver() {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/scaivault/events", (exchange) -> {
			byte[] body = exchange.getRequestBody().readAllBytes();
			this.received.add(new Received(exchange.getRequestMethod(), exchange.getRequestHeaders(), body));
			try {
				this.hold.await(1, TimeUnit.MINUTES);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			Integer status = this.statuses.poll();
			byte[] answer = "{\"ok\": true}".getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders((status != null) ? status : 200, answer.length);
			exchange.getResponseBody().write(answer);
			exchange.close();
		});
		this.server.setExecutor(this.executor);
		this.server.start();
	}

	/** @return the URL that subscriptions deliver to */
	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/scaivault/events";
	}

	/**
	 * Answer the next requests with these statuses.
	 * @param statuses the statuses
	 */
	void answer(int... statuses) {
		for (int status : statuses) {
			this.statuses.add(status);
		}
	}

	/** Keep every request waiting for its answer until {@link #release()}. */
	void hold() {
		this.hold = new CountDownLatch(1);
	}

	/** Answer the held requests. */
	void release() {
		this.hold.countDown();
	}

	/** @return the next request, waiting for it up to 10 seconds */
	Received next() throws InterruptedException {
		Received next = this.received.poll(10, TimeUnit.SECONDS);
		if (next == null) {
			throw new AssertionError("No webhook request arrived");
		}
		return next;
	}

	/** @return the requests received and not yet taken */
	int pending() {
		return this.received.size();
	}

	@Override
	public void close() {
		release();
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	/**
	 * The walk-through's verification: {@code hmac.new(secret, body, sha256).hexdigest()} compared
	 * with {@code hmac.compare_digest}.
	 * @param secret the subscription secret
	 * @param body the raw body
	 * @param signature the {@code X-ScaiVault-Signature} header
	 * @return whether it verifies
	 */
	static boolean verify(String secret, byte[] body, String signature) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			String expected = HexFormat.of().formatHex(mac.doFinal(body));
			return MessageDigest.isEqual(signature.getBytes(StandardCharsets.UTF_8),
					expected.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * One received request.
	 *
	 * @param method the method
	 * @param headers the headers
	 * @param body the raw body
	 */
	record Received(String method, Map<String, java.util.List<String>> headers, byte[] body) {

		Received(String method, Headers headers, byte[] body) {
			this(method, Map.copyOf(headers), body);
		}

		String header(String name) {
			for (Map.Entry<String, java.util.List<String>> header : this.headers.entrySet()) {
				if (header.getKey().equalsIgnoreCase(name)) {
					return header.getValue().get(0);
				}
			}
			return null;
		}

		String text() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

	}

}
