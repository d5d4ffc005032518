package ai.scailabs.scaivault.benchmarks.client;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

import ai.scailabs.scaivault.benchmarks.Harness;

/**
 * The pairs of {@link ClientThroughputBenchmark} in one JVM, interleaved in short windows: after a
 * warm-up of both, each pair of windows runs the client for {@code --window-ms} and its JDK
 * baseline for as long (order flipping every pair), and the ratio of that pair is the client's
 * time per call over the JDK's. One request after another on two shared cores is dominated by
 * how the client, selector and server threads happen to be scheduled, which changes from second
 * to second and from JVM to JVM (a JMH fork may get 4,000 reads/s and the next 1,600); windows a
 * fraction of a second apart see the same conditions, so their ratios are stable where separate
 * forks are not. Also prints the process CPU time per call of each side (server included), which
 * load hardly moves, and the bytes each call allocates on the calling thread. Options: {@code --pairs N} (default 60), {@code --window-ms N} (250),
 * {@code --warmup-s N} (20), {@code --threads 1,4}, and {@code --timer} to also pair the JDK
 * with and without a request timeout (a diagnostic, not a target).
 */
public final class ClientPairedBenchmark {

	private ClientPairedBenchmark() {
	}

	/**
	 * @param args {@code --pairs N}, {@code --window-ms N}, {@code --warmup-s N}, {@code --threads 1,4}
	 * @throws Exception when a call fails
	 */
	public static void main(String[] args) throws Exception {
		int pairs = 60;
		long windowMillis = 250;
		long warmupSeconds = 20;
		int[] threads = { 1, 4 };
		boolean timer = false;
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--pairs" -> pairs = Integer.parseInt(args[++i]);
				case "--window-ms" -> windowMillis = Long.parseLong(args[++i]);
				case "--warmup-s" -> warmupSeconds = Long.parseLong(args[++i]);
				case "--timer" -> timer = true;
				case "--threads" -> threads = java.util.Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt)
					.toArray();
				default -> throw new IllegalArgumentException("Unknown option " + args[i]);
			}
		}
		ClientThroughputBenchmark bench = new ClientThroughputBenchmark();
		bench.start();
		try {
			System.out.printf(Locale.ROOT, "load average at the start %.2f%n", Harness.loadAverage());
			List<String> rows = new ArrayList<>();
			if (timer) {
				// Diagnostic: what a request timeout alone costs the bare JDK client.
				for (int t : threads) {
					rows.add(pair(bench, "jdkSendWithTimeout", bench::jdkSendWithTimeout, "jdkSend", bench::jdkSend, t,
							pairs, windowMillis, warmupSeconds));
				}
			}
			for (int t : threads) {
				rows.add(pair(bench, "clientRead", bench::clientRead, "jdkSend", bench::jdkSend, t, pairs,
						windowMillis, warmupSeconds));
			}
			int maxThreads = java.util.Arrays.stream(threads).max().orElse(4);
			rows.add(pair(bench, "asyncClientRead", bench::asyncClientRead, "jdkSendAsync", bench::jdkSendAsync,
					maxThreads, pairs, windowMillis, warmupSeconds));
			System.out.println();
			System.out.println("| threads | client | client calls/s (median) | JDK | JDK calls/s (median) "
					+ "| median of paired ratios (p25-p75) | CPU µs per call client / JDK | bytes allocated per call on the"
					+ " calling thread client / JDK |");
			System.out.println("|---|---|---|---|---|---|---|---|");
			rows.forEach(System.out::println);
			System.out.printf(Locale.ROOT, "load average at the end %.2f%n", Harness.loadAverage());
		}
		finally {
			bench.stop();
		}
	}

	private static String pair(ClientThroughputBenchmark bench, String clientName, Callable<?> client,
			String jdkName, Callable<?> jdk, int threads, int pairs, long windowMillis, long warmupSeconds)
			throws Exception {
		long warmupWindows = Math.max(1, warmupSeconds * 1000 / windowMillis / 2);
		for (int i = 0; i < warmupWindows; i++) {
			window(client, threads, windowMillis);
			window(jdk, threads, windowMillis);
		}
		List<Double> ratios = new ArrayList<>();
		List<Double> clientRates = new ArrayList<>();
		List<Double> jdkRates = new ArrayList<>();
		double clientCpu = 0;
		double jdkCpu = 0;
		double clientBytes = 0;
		double jdkBytes = 0;
		long clientCalls = 0;
		long jdkCalls = 0;
		for (int i = 0; i < pairs; i++) {
			boolean clientFirst = (i % 2 == 0);
			Window a = window(clientFirst ? client : jdk, threads, windowMillis);
			Window b = window(clientFirst ? jdk : client, threads, windowMillis);
			Window c = clientFirst ? a : b;
			Window j = clientFirst ? b : a;
			ratios.add(j.rate() / c.rate());
			clientRates.add(c.rate());
			jdkRates.add(j.rate());
			clientCpu += c.cpuNanos;
			jdkCpu += j.cpuNanos;
			clientBytes += c.callerBytes;
			jdkBytes += j.callerBytes;
			clientCalls += c.calls;
			jdkCalls += j.calls;
		}
		ratios.sort(Double::compare);
		String row = String.format(Locale.ROOT, "| %d | %s | %.0f | %s | %.0f | **%.3f** (%.3f-%.3f) | %.0f / %.0f | %.0f / %.0f |",
				threads, clientName, median(clientRates), jdkName, median(jdkRates), percentile(ratios, 50),
				percentile(ratios, 25), percentile(ratios, 75), clientCpu / clientCalls / 1000, jdkCpu / jdkCalls / 1000,
				clientBytes / clientCalls, jdkBytes / jdkCalls);
		System.out.printf(Locale.ROOT, "%s (load %.2f)%n", row, Harness.loadAverage());
		return row;
	}

	private static Window window(Callable<?> call, int threads, long millis) throws Exception {
		AtomicBoolean stop = new AtomicBoolean();
		LongAdder calls = new LongAdder();
		LongAdder allocated = new LongAdder();
		List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
		List<Thread> workers = new ArrayList<>();
		long cpuBefore = processCpuNanos();
		long start = System.nanoTime();
		for (int t = 0; t < threads; t++) {
			Thread worker = new Thread(() -> {
				long before = allocatedBytes();
				try {
					while (!stop.get()) {
						call.call();
						calls.increment();
					}
				}
				catch (Throwable ex) {
					failures.add(ex);
				}
				allocated.add(allocatedBytes() - before);
			});
			worker.start();
			workers.add(worker);
		}
		Thread.sleep(millis);
		stop.set(true);
		for (Thread worker : workers) {
			worker.join();
		}
		long elapsed = System.nanoTime() - start;
		long cpu = processCpuNanos() - cpuBefore;
		if (!failures.isEmpty()) {
			throw new IllegalStateException("A call failed", failures.get(0));
		}
		return new Window(calls.sum(), elapsed, cpu, allocated.sum());
	}

	private static double median(List<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		sorted.sort(Double::compare);
		return percentile(sorted, 50);
	}

	/** Nearest-rank percentile of sorted values. */
	private static double percentile(List<Double> sorted, int p) {
		int rank = (int) Math.ceil(p / 100.0 * sorted.size());
		return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
	}

	private static long allocatedBytes() {
		return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
	}

	private static long processCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	private record Window(long calls, long nanos, long cpuNanos, long callerBytes) {

		double rate() {
			return this.calls * 1e9 / this.nanos;
		}

	}

}
