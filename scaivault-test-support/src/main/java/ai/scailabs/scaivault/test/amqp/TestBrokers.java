package ai.scailabs.scaivault.test.amqp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The AMQP 0-9-1 broker this JVM's tests use, chosen on first use and kept until the JVM exits:
 * <ol>
 * <li>{@code SCAIVAULT_TEST_AMQP_URL} ({@code amqp://user:password@host:port}; environment, or the
 * system property {@code scaivault.test.amqp.url}): any broker you run;</li>
 * <li>the machine's own broker on 127.0.0.1:5672 ({@code guest}/{@code guest}) when it answers the
 * AMQP handshake within 3 s;</li>
 * <li>else an embedded Apache Qpid Broker-J (AMQP 0-8 to 0-9-1, in memory) on a free port.</li>
 * </ol>
 * {@code SCAIVAULT_TEST_AMQP=embedded} skips the machine's broker, {@code local} requires it. The
 * choice is logged (logger {@code ai.scailabs.scaivault.test.amqp.TestBrokers}, level INFO).
 */
public final class TestBrokers {

	private static final System.Logger logger = System.getLogger(TestBrokers.class.getName());

	static final String LOCAL_HOST = "127.0.0.1";

	static final int LOCAL_PORT = 5672;

	private static @Nullable TestBroker broker;

	private static @Nullable IllegalStateException failure;

	private TestBrokers() {
	}

	/**
	 * @return the broker of this JVM's tests, started when needed
	 * @throws IllegalStateException when none can be had, saying what was tried (and again on every
	 * later call, without trying again)
	 */
	public static synchronized TestBroker amqp() {
		if (broker != null) {
			return broker;
		}
		if (failure != null) {
			throw failure;
		}
		try {
			broker = choose();
			logger.log(Level.INFO, "Tests use {0}", broker);
			return broker;
		}
		catch (IllegalStateException ex) {
			failure = ex;
			throw ex;
		}
	}

	private static TestBroker choose() {
		String override = setting("SCAIVAULT_TEST_AMQP_URL");
		if (override != null) {
			return fromUrl(override);
		}
		String mode = setting("SCAIVAULT_TEST_AMQP");
		mode = (mode != null) ? mode.toLowerCase(Locale.ROOT) : "auto";
		String why;
		if (mode.equals("embedded")) {
			why = "SCAIVAULT_TEST_AMQP=embedded";
		}
		else {
			String unusable = unusable(LOCAL_HOST, LOCAL_PORT);
			if (unusable == null) {
				return new TestBroker("RabbitMQ", LOCAL_HOST, LOCAL_PORT, "guest", "guest", "the machine's own broker");
			}
			if (mode.equals("local")) {
				throw new IllegalStateException("SCAIVAULT_TEST_AMQP=local, but " + unusable
						+ "; start it (rabbitmq-server -detached), unset SCAIVAULT_TEST_AMQP, or set SCAIVAULT_TEST_AMQP_URL");
			}
			why = unusable;
		}
		logger.log(Level.INFO, "Starting an embedded AMQP broker for the tests: {0}", why);
		try {
			return EmbeddedQpidBroker.start(why);
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("Could not start an embedded AMQP broker (" + ex.getMessage() + "), and "
					+ why + ". Start RabbitMQ (rabbitmq-server -detached) or set SCAIVAULT_TEST_AMQP_URL", ex);
		}
	}

	private static TestBroker fromUrl(String url) {
		URI uri = URI.create(url);
		String user = "guest";
		String password = "guest";
		if (uri.getUserInfo() != null) {
			String[] parts = uri.getUserInfo().split(":", 2);
			user = parts[0];
			password = (parts.length > 1) ? parts[1] : "";
		}
		if (uri.getHost() == null) {
			throw new IllegalStateException("SCAIVAULT_TEST_AMQP_URL has no host: use amqp://user:password@host:port");
		}
		return new TestBroker("AMQP broker", uri.getHost(), (uri.getPort() > 0) ? uri.getPort() : LOCAL_PORT, user,
				password, "set by SCAIVAULT_TEST_AMQP_URL");
	}

	/**
	 * @param host the broker's host
	 * @param port its AMQP port
	 * @return why the broker cannot be used, or {@code null} if it answers an AMQP 0-9-1 protocol
	 * header with a method frame ({@code connection.start}) within 3 s
	 */
	static @Nullable String unusable(String host, int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(host, port), 3000);
			socket.setSoTimeout(3000);
			OutputStream out = socket.getOutputStream();
			out.write("AMQP".getBytes(StandardCharsets.US_ASCII));
			out.write(new byte[] { 0, 0, 9, 1 });
			out.flush();
			InputStream in = socket.getInputStream();
			int frameType = in.read();
			return (frameType == 1) ? null : "the server on " + host + ":" + port + " does not speak AMQP 0-9-1";
		}
		catch (IOException ex) {
			return "nothing answers AMQP on " + host + ":" + port + " (" + ex.getMessage() + ")";
		}
	}

	/**
	 * @param name an environment variable such as {@code SCAIVAULT_TEST_AMQP_URL}
	 * @return the system property of the same name in lower case with dots, else the environment
	 * variable, else {@code null}
	 */
	private static @Nullable String setting(String name) {
		String value = System.getProperty(name.toLowerCase(Locale.ROOT).replace('_', '.'));
		if (value == null || value.isBlank()) {
			value = System.getenv(name);
		}
		return (value == null || value.isBlank()) ? null : value.trim();
	}

}
