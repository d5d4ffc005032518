package ai.scailabs.scaivault.test.amqp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.apache.qpid.server.SystemLauncher;
import org.apache.qpid.server.model.ConfiguredObject;
import org.apache.qpid.server.model.SystemConfig;

/**
 * An embedded Apache Qpid Broker-J: AMQP 0-8 to 0-9-1 on 127.0.0.1 and a free port, configuration
 * and messages in memory, {@code guest}/{@code guest} over PLAIN, stopped when the JVM exits. Its
 * work directory (preferences only) is a temporary directory of its own, so parallel builds do not
 * collide.
 */
final class EmbeddedQpidBroker {

	private static final String CONFIGURATION = "qpid-broker.json";

	private EmbeddedQpidBroker() {
	}

	static TestBroker start(String why) {
		long started = System.nanoTime();
		URL configuration = EmbeddedQpidBroker.class.getResource(CONFIGURATION);
		if (configuration == null) {
			throw new IllegalStateException(CONFIGURATION + " is missing from the class path");
		}
		int port = freePort();
		Path work;
		try {
			work = Files.createTempDirectory("scaivault-qpid-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Map<String, Object> attributes = new HashMap<>();
		attributes.put(ConfiguredObject.TYPE, "Memory");
		attributes.put(SystemConfig.INITIAL_CONFIGURATION_LOCATION, configuration.toExternalForm());
		attributes.put(SystemConfig.STARTUP_LOGGED_TO_SYSTEM_OUT, false);
		attributes.put(ConfiguredObject.CONTEXT,
				Map.of("qpid.amqp_port", Integer.toString(port), SystemConfig.QPID_WORK_DIR, work.toString()));
		SystemLauncher launcher = new SystemLauncher();
		try {
			launcher.startup(attributes);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Qpid Broker-J did not start: " + ex, ex);
		}
		Runtime.getRuntime().addShutdownHook(new Thread(launcher::shutdown, "scaivault-qpid-shutdown"));
		String version = SystemLauncher.class.getPackage().getImplementationVersion();
		long millis = (System.nanoTime() - started) / 1_000_000;
		return new TestBroker("embedded Apache Qpid Broker-J" + ((version != null) ? " " + version : ""),
				TestBrokers.LOCAL_HOST, port, "guest", "guest",
				"started in " + (millis / 1000) + "." + (millis % 1000 / 100) + " s, because " + why);
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No free port for the embedded AMQP broker", ex);
		}
	}

}
