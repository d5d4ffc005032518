package ai.scailabs.scaivault.devserver;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Runs the dev server standalone:
 * {@code java -jar scaivault-dev-server-0.1.0-SNAPSHOT.jar --port=8200 --root-token=dev-root}.
 * Run with {@code --help} for the options. A bad option prints what is wrong and exits with 2.
 */
public final class Main {

	static final String USAGE = """
			Usage: java -jar scaivault-dev-server.jar [options]

			Runs an in-memory ScaiVault DEV server on 127.0.0.1 for development and tests.
			Nothing is persisted. Never use it in production.

			Options:
			  --port=N                 port to listen on (default 8200; 0 for a random free port)
			  --root-token=TOKEN       root token, allowed everything (default: random, printed at start)
			  --seed=FILE.json         apply a seed file (clients, policies, secrets, engines) at start
			  --https                  serve HTTPS with a certificate from the server's own dev CA
			                           (the CA certificate PEM is printed at start)
			  --token-lifetime=DUR     lifetime of tokens from /oauth/token, such as 15m, 1h, 1h30m (default 1h)
			  --client=ID:SECRET:IDENTITY[:GROUP,GROUP...]
			                           a client of the client-credentials grant (repeatable),
			                           such as --client=reporting:s3cret:sa:reporting-service
			  --help                   print this help and exit
			""";

	private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");

	private Main() {
	}

	public static void main(String[] args) throws InterruptedException {
		Launch launch = launch(args, System.out, System.err);
		ScaiVaultDevServer server = launch.server();
		if (server == null) {
			System.exit(launch.exitCode());
			return;
		}
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			server.close();
			stopped.countDown();
		}, "scaivault-dev-shutdown"));
		stopped.await();
	}

	/**
	 * Parse the options and start the server.
	 * @param args the command line
	 * @param out where the banner and help go
	 * @param err where errors go
	 * @return the running server, or the exit code
	 */
	static Launch launch(String[] args, PrintStream out, PrintStream err) {
		ScaiVaultDevServer.Builder builder = ScaiVaultDevServer.builder().port(8200);
		try {
			for (String arg : args) {
				if (arg.equals("--help") || arg.equals("-h")) {
					out.print(USAGE);
					return new Launch(0, null);
				}
				apply(builder, arg);
			}
		}
		catch (IllegalArgumentException ex) {
			err.println("scaivault-dev-server: " + ex.getMessage());
			err.println("Run with --help for the options.");
			return new Launch(2, null);
		}
		ScaiVaultDevServer server;
		try {
			server = builder.start();
		}
		catch (RuntimeException ex) {
			err.println("scaivault-dev-server: cannot start: " + ex.getMessage());
			return new Launch(1, null);
		}
		out.println("==================================================================");
		out.println(" ScaiVault DEV server: in-memory, for development and tests only.");
		out.println(" Nothing is persisted. NEVER use it in production.");
		out.println("==================================================================");
		out.println("Base URL:   " + server.baseUrl());
		out.println("Root token: " + server.rootToken());
		out.println("Token URL:  " + server.baseUrl() + "/oauth/token");
		if (server.https()) {
			out.println("Dev CA certificate (trust it in your client):");
			out.print(server.caCertificatePem());
		}
		out.flush();
		return new Launch(0, server);
	}

	private static void apply(ScaiVaultDevServer.Builder builder, String arg) {
		if (arg.equals("--https")) {
			builder.https(true);
			return;
		}
		int eq = arg.indexOf('=');
		if (!arg.startsWith("--") || eq < 0) {
			throw new IllegalArgumentException("unknown option '" + arg + "'");
		}
		String name = arg.substring(0, eq);
		String value = arg.substring(eq + 1);
		switch (name) {
			case "--port" -> builder.port(port(value));
			case "--root-token" -> {
				if (value.isBlank()) {
					throw new IllegalArgumentException("--root-token must not be empty");
				}
				builder.rootToken(value);
			}
			case "--seed" -> {
				Path file = Path.of(value);
				if (!Files.isReadable(file)) {
					throw new IllegalArgumentException("--seed file '" + value + "' does not exist or is not readable");
				}
				builder.seed(file);
			}
			case "--token-lifetime" -> builder.tokenLifetime(duration(value));
			case "--client" -> client(builder, value);
			default -> throw new IllegalArgumentException("unknown option '" + name + "'");
		}
	}

	private static int port(String value) {
		try {
			int port = Integer.parseInt(value);
			if (port >= 0 && port <= 65535) {
				return port;
			}
		}
		catch (NumberFormatException ex) {
			// fall through
		}
		throw new IllegalArgumentException("--port must be a number from 0 to 65535, not '" + value + "'");
	}

	/**
	 * @param text a duration such as {@code 15m}, {@code 1h30m}, {@code 90s} or ISO-8601 {@code PT1H}
	 * @return the duration
	 */
	static Duration duration(String text) {
		Duration result = parseDuration(text);
		if (result == null || result.isZero() || result.isNegative()) {
			throw new IllegalArgumentException(
					"--token-lifetime must be a positive duration such as 15m, 1h or 1h30m, not '" + text + "'");
		}
		return result;
	}

	private static @Nullable Duration parseDuration(String text) {
		if (text.startsWith("PT") || text.startsWith("P")) {
			try {
				return Duration.parse(text);
			}
			catch (RuntimeException ex) {
				return null;
			}
		}
		Matcher matcher = DURATION.matcher(text);
		Duration total = Duration.ZERO;
		int end = 0;
		while (matcher.find() && matcher.start() == end) {
			long amount = Long.parseLong(matcher.group(1));
			total = total.plus(switch (matcher.group(2)) {
				case "ms" -> Duration.ofMillis(amount);
				case "s" -> Duration.ofSeconds(amount);
				case "m" -> Duration.ofMinutes(amount);
				case "h" -> Duration.ofHours(amount);
				default -> Duration.ofDays(amount);
			});
			end = matcher.end();
		}
		return (end == text.length() && end > 0) ? total : null;
	}

	private static void client(ScaiVaultDevServer.Builder builder, String value) {
		// ID:SECRET:IDENTITY[:GROUPS]; the identity itself has a colon (sa:name)
		String[] parts = value.split(":", -1);
		if (parts.length < 4 || parts[0].isEmpty() || parts[1].isEmpty()) {
			throw new IllegalArgumentException(
					"--client must be ID:SECRET:IDENTITY[:GROUP,...] such as reporting:s3cret:sa:reporting-service");
		}
		String identity = parts[2] + ":" + parts[3];
		String[] groups = (parts.length > 4) ? String.join(":", Arrays.copyOfRange(parts, 4, parts.length)).split(",")
				: new String[0];
		// groups are written with their prefix: group:developers,group:ops
		builder.client(parts[0], parts[1], identity, normalizeGroups(groups));
	}

	private static String[] normalizeGroups(String[] groups) {
		return Arrays.stream(groups)
			.filter((group) -> !group.isBlank())
			.map((group) -> group.startsWith("group:") ? group : "group:" + group)
			.toArray(String[]::new);
	}

	/**
	 * The outcome of {@link #launch}.
	 *
	 * @param exitCode the exit code when the server did not start
	 * @param server the running server, or {@code null}
	 */
	record Launch(int exitCode, @Nullable ScaiVaultDevServer server) {
	}

}
