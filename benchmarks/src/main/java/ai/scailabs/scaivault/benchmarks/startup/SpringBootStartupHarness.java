package ai.scailabs.scaivault.benchmarks.startup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.StringJoiner;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import ai.scailabs.scaivault.benchmarks.Harness;
import ai.scailabs.scaivault.benchmarks.Samples;
import ai.scailabs.scaivault.devserver.ScaiVaultDevServer;

/**
 * Times the start-up of {@link StartupApp} in fresh JVMs, from just before the process is started
 * to the line it prints on {@code ApplicationReadyEvent}: once importing 1, 10 or 100 paths with
 * {@code spring.config.import=scaivault:...} from a dev server started here (seeded with the
 * secrets), once reading the same values from a generated properties file. The cases are
 * interleaved (run by run) so that a change of machine load hits them alike; one discarded start
 * of each mode warms the file cache first. Also counts the {@code POST /v1/secrets/batch} requests
 * the dev server saw per start.
 * Also times the JVM's exit: from the line the application prints once its context is closed to
 * the end of the process.
 * <p>
 * Options: {@code --runs N} (default 5), {@code --paths 1,10,100}, {@code --keep} (keep the generated
 * files and the class-load logs of {@code --breakdown}), {@code --breakdown} (after the
 * runs, one more start of each mode with the largest path count, logging class loading, and a
 * table of the classes loaded by group).
 */
public final class SpringBootStartupHarness {

	private static final String BATCH = "/v1/secrets/batch";

	private static final long TIMEOUT_SECONDS = 180;

	private final ScaiVaultDevServer server;

	private final Path directory;

	private final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

	private final String classpath = System.getProperty("java.class.path");

	private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor((runnable) -> {
		Thread thread = new Thread(runnable, "startup-watchdog");
		thread.setDaemon(true);
		return thread;
	});

	private SpringBootStartupHarness(ScaiVaultDevServer server, Path directory) {
		this.server = server;
		this.directory = directory;
	}

	/**
	 * @param args {@code --runs N}, {@code --paths 1,10,100}
	 * @throws Exception when a start fails
	 */
	public static void main(String[] args) throws Exception {
		int runs = Integer.parseInt(Harness.option(args, "--runs", "5"));
		int[] counts = Arrays.stream(Harness.option(args, "--paths", "1,10,100").split(",")).map(String::trim)
			.mapToInt(Integer::parseInt).toArray();
		int max = Arrays.stream(counts).max().orElseThrow();
		boolean breakdown = Arrays.asList(args).contains("--breakdown");
		List<Credentials> credentials = credentials(max);
		Path directory = Files.createTempDirectory("scaivault-startup-");
		System.out.printf(Locale.ROOT, "%d cores, load average %.2f; %d runs per case, paths %s%n",
				Runtime.getRuntime().availableProcessors(), Harness.loadAverage(), runs, Arrays.toString(counts));
		try (ScaiVaultDevServer server = ScaiVaultDevServer.builder().seed(seed(credentials)).start()) {
			SpringBootStartupHarness harness = new SpringBootStartupHarness(server, directory);
			harness.run(runs, counts, credentials);
			if (breakdown) {
				harness.breakdown(max, credentials);
			}
		}
		finally {
			if (Arrays.asList(args).contains("--keep")) {
				System.out.println("Configurations and class-load logs kept in " + directory);
			}
			else {
				try (Stream<Path> files = Files.walk(directory)) {
					files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
				}
			}
		}
		System.out.printf(Locale.ROOT, "load average at the end %.2f%n", Harness.loadAverage());
	}

	private void run(int runs, int[] counts, List<Credentials> credentials) throws Exception {
		Map<String, Path> files = new LinkedHashMap<>();
		for (int count : counts) {
			for (Mode mode : Mode.values()) {
				files.put(key(mode, count), writeConfiguration(mode, credentials.subList(0, count)));
			}
		}
		for (Mode mode : Mode.values()) {
			launch(files.get(key(mode, counts[0])), counts[0]);
		}
		Map<String, Samples> wall = new LinkedHashMap<>();
		Map<String, Samples> uptime = new LinkedHashMap<>();
		Map<String, Samples> batches = new LinkedHashMap<>();
		Map<String, Samples> requests = new LinkedHashMap<>();
		Map<String, Samples> exits = new LinkedHashMap<>();
		for (int run = 1; run <= runs; run++) {
			for (int count : counts) {
				for (Mode mode : Mode.values()) {
					String key = key(mode, count);
					int batchesBefore = this.server.requestCount("POST", BATCH);
					int requestsBefore = this.server.requestCount(null, "/");
					Start start = launch(files.get(key), count);
					wall.computeIfAbsent(key, (k) -> new Samples()).add(start.wallMillis());
					exits.computeIfAbsent(key, (k) -> new Samples()).add(start.exitMillis());
					uptime.computeIfAbsent(key, (k) -> new Samples()).add(start.uptimeMillis());
					batches.computeIfAbsent(key, (k) -> new Samples())
						.add(this.server.requestCount("POST", BATCH) - batchesBefore);
					requests.computeIfAbsent(key, (k) -> new Samples())
						.add(this.server.requestCount(null, "/") - requestsBefore);
					System.out.printf(Locale.ROOT,
							"run %d, %3d paths, %-10s: %5d ms to ready (JVM uptime %5d ms), exit %4d ms after close (load %.2f)%n",
							run, count, mode.label, start.wallMillis(), start.uptimeMillis(), start.exitMillis(),
							Harness.loadAverage());
				}
			}
		}
		System.out.println();
		System.out.println("| paths | properties: median (p90) ms | scaivault: median (p90) ms | ratio of medians"
				+ " | median of paired ratios | JVM uptime at ready, properties / scaivault (median ms)"
				+ " | batch requests per start | requests per start |");
		System.out.println("|---|---|---|---|---|---|---|---|");
		for (int count : counts) {
			Samples properties = wall.get(key(Mode.PROPERTIES, count));
			Samples vault = wall.get(key(Mode.SCAIVAULT, count));
			Samples vaultBatches = batches.get(key(Mode.SCAIVAULT, count));
			Samples vaultRequests = requests.get(key(Mode.SCAIVAULT, count));
			System.out.printf(Locale.ROOT, "| %d | %d (%d) | %d (%d) | %.2f | %.2f | %d / %d | %s | %s |%n", count,
					properties.percentile(50), properties.percentile(90), vault.percentile(50), vault.percentile(90),
					(double) vault.percentile(50) / properties.percentile(50), vault.pairedRatioMedian(properties),
					uptime.get(key(Mode.PROPERTIES, count)).percentile(50),
					uptime.get(key(Mode.SCAIVAULT, count)).percentile(50), range(vaultBatches), range(vaultRequests));
		}
		System.out.println();
		System.out.println("| paths | exit after close, properties: median (p90) ms | scaivault: median (p90) ms"
				+ " | median of paired differences ms |");
		System.out.println("|---|---|---|---|");
		for (int count : counts) {
			Samples properties = exits.get(key(Mode.PROPERTIES, count));
			Samples vault = exits.get(key(Mode.SCAIVAULT, count));
			System.out.printf(Locale.ROOT, "| %d | %d (%d) | %d (%d) | %d |%n", count, properties.percentile(50),
					properties.percentile(90), vault.percentile(50), vault.percentile(90),
					vault.pairedDifferenceMedian(properties));
		}
		System.out.println();
		wall.forEach((key, samples) -> System.out.println("wall ms " + key + ": " + samples));
		exits.forEach((key, samples) -> System.out.println("exit ms " + key + ": " + samples));
		batches.forEach((key, samples) -> System.out.println("batch requests " + key + ": " + samples));
	}

	private Start launch(Path configuration, int expected) throws IOException, InterruptedException {
		return launch(configuration, expected, List.of());
	}

	private Start launch(Path configuration, int expected, List<String> jvmOptions)
			throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(this.java);
		command.addAll(jvmOptions);
		command.addAll(List.of("-cp", this.classpath, StartupApp.class.getName(),
				"--spring.config.location=file:" + configuration));
		Deque<String> tail = new ArrayDeque<>();
		long started = System.nanoTime();
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		ScheduledFuture<?> kill = this.watchdog.schedule(process::destroyForcibly, TIMEOUT_SECONDS, TimeUnit.SECONDS);
		long ready = -1;
		long closed = -1;
		String readyLine = null;
		try (BufferedReader output = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = output.readLine()) != null) {
				if (readyLine == null && line.startsWith(StartupApp.READY)) {
					ready = System.nanoTime();
					readyLine = line;
				}
				if (line.equals(StartupApp.CLOSED)) {
					closed = System.nanoTime();
				}
				tail.addLast(line);
				if (tail.size() > 40) {
					tail.removeFirst();
				}
			}
		}
		int exit = process.waitFor();
		long exited = System.nanoTime();
		kill.cancel(false);
		if (readyLine == null || exit != 0) {
			throw new IllegalStateException("Start with " + configuration.getFileName() + " failed (exit " + exit
					+ "); last output:\n" + String.join("\n", tail));
		}
		Map<String, String> fields = new LinkedHashMap<>();
		for (String field : readyLine.substring(StartupApp.READY.length()).split(" ")) {
			int equals = field.indexOf('=');
			fields.put(field.substring(0, equals), field.substring(equals + 1));
		}
		String complete = String.valueOf(expected);
		if (!complete.equals(fields.get("bound")) || !complete.equals(fields.get("complete"))) {
			throw new IllegalStateException("Start with " + configuration.getFileName() + " bound " + fields
					+ ", expected " + expected + " complete credentials");
		}
		long exitMillis = (closed > 0) ? (exited - closed) / 1_000_000 : -1;
		return new Start((ready - started) / 1_000_000, Long.parseLong(fields.get("uptimeMs")), exitMillis);
	}

	/**
	 * Start each mode once more with class loading logged, and print the classes loaded by group:
	 * what the import's fixed cost is made of.
	 */
	private void breakdown(int count, List<Credentials> credentials) throws Exception {
		Map<Mode, Map<String, Integer>> groups = new LinkedHashMap<>();
		Map<Mode, Long> ready = new LinkedHashMap<>();
		for (Mode mode : Mode.values()) {
			Path configuration = writeConfiguration(mode, credentials.subList(0, count));
			Path log = this.directory.resolve("classes-" + mode.label + ".log");
			Start start = launch(configuration, count, List.of("-Xlog:class+load=info:file=" + log));
			ready.put(mode, start.wallMillis());
			Map<String, Integer> counts = new LinkedHashMap<>();
			for (String group : ClassGroups.NAMES) {
				counts.put(group, 0);
			}
			try (Stream<String> lines = Files.lines(log)) {
				lines.map(ClassGroups::className)
					.filter((name) -> !name.isEmpty())
					.forEach((name) -> counts.merge(ClassGroups.of(name), 1, Integer::sum));
			}
			groups.put(mode, counts);
		}
		System.out.println();
		System.out.printf(Locale.ROOT, "Classes loaded, %d paths (one start each, with -Xlog:class+load; ready after"
				+ " %d ms properties, %d ms scaivault):%n", count, ready.get(Mode.PROPERTIES), ready.get(Mode.SCAIVAULT));
		System.out.println("| group | properties | scaivault | added by the import |");
		System.out.println("|---|---|---|---|");
		int totalProperties = 0;
		int totalVault = 0;
		for (String group : ClassGroups.NAMES) {
			int properties = groups.get(Mode.PROPERTIES).get(group);
			int vault = groups.get(Mode.SCAIVAULT).get(group);
			totalProperties += properties;
			totalVault += vault;
			System.out.printf(Locale.ROOT, "| %s | %d | %d | %+d |%n", group, properties, vault, vault - properties);
		}
		System.out.printf(Locale.ROOT, "| all | %d | %d | %+d |%n", totalProperties, totalVault,
				totalVault - totalProperties);
	}

	private Path writeConfiguration(Mode mode, List<Credentials> credentials) throws IOException {
		Properties properties = new Properties();
		properties.setProperty("spring.main.banner-mode", "off");
		properties.setProperty("logging.level.root", "warn");
		properties.setProperty("bench.expected", String.valueOf(credentials.size()));
		if (mode == Mode.SCAIVAULT) {
			properties.setProperty("scaivault.base-url", this.server.baseUrl());
			properties.setProperty("scaivault.token", this.server.rootToken());
			StringJoiner location = new StringJoiner(";", "scaivault:", "");
			for (Credentials each : credentials) {
				location.add(each.path() + "?prefix=bench.secrets." + each.name() + ".");
			}
			properties.setProperty("spring.config.import", location.toString());
		}
		else {
			for (Credentials each : credentials) {
				String prefix = "bench.secrets." + each.name() + ".";
				properties.setProperty(prefix + "username", each.username());
				properties.setProperty(prefix + "password", each.password());
				properties.setProperty(prefix + "url", each.url());
			}
		}
		Path file = this.directory.resolve(key(mode, credentials.size()) + ".properties");
		try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			properties.store(writer, "generated by " + SpringBootStartupHarness.class.getSimpleName());
		}
		return file;
	}

	private static List<Credentials> credentials(int count) {
		SecureRandom random = new SecureRandom();
		List<Credentials> credentials = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			byte[] password = new byte[12];
			random.nextBytes(password);
			String name = String.format(Locale.ROOT, "s%03d", i);
			credentials.add(new Credentials(name, "bench/app/" + name, "user-" + name,
					HexFormat.of().formatHex(password), "jdbc:postgresql://db-" + name + ".internal:5432/app"));
		}
		return credentials;
	}

	private static String seed(List<Credentials> credentials) {
		StringJoiner secrets = new StringJoiner(",", "{\"secrets\": {", "}}");
		for (Credentials each : credentials) {
			secrets.add("\"" + each.path() + "\": {\"data\": {\"username\": \"" + each.username() + "\", \"password\": \""
					+ each.password() + "\", \"url\": \"" + each.url() + "\"}}");
		}
		return secrets.toString();
	}

	private static String key(Mode mode, int count) {
		return mode.label + "-" + count;
	}

	private static String range(Samples samples) {
		return (samples.min() == samples.max()) ? String.valueOf(samples.min()) : samples.min() + "–" + samples.max();
	}

	private enum Mode {

		PROPERTIES("properties"), SCAIVAULT("scaivault");

		final String label;

		Mode(String label) {
			this.label = label;
		}

	}

	private record Start(long wallMillis, long uptimeMillis, long exitMillis) {
	}

	private record Credentials(String name, String path, String username, String password, String url) {

		@Override
		public String toString() {
			return "Credentials[" + this.path + "]";
		}

	}

}
