package ai.scailabs.scaivault.benchmarks.client;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import ai.scailabs.scaivault.benchmarks.Harness;

/**
 * Runs {@link ClientThroughputBenchmark} in rounds: every round measures each case once (one fork
 * each), candidate and baseline back to back, in alternating order, so that a change of machine
 * load hits both alike; then prints, per case and thread count, the median throughput and the
 * median of the per-round ratios client / JDK. Options: {@code --rounds N} (default 3),
 * {@code --threads 1,4} (the blocking pair runs at each; the async pair at the largest), and any
 * JMH option after {@code --} (such as {@code -- -wi 1 -i 3}).
 */
public final class ClientBenchmarks {

	private static final String[][] PAIRS = { { "clientRead", "jdkSend" }, { "asyncClientRead", "jdkSendAsync" } };

	private ClientBenchmarks() {
	}

	/**
	 * @param args {@code --rounds N}, {@code --threads 1,4}, {@code -- <JMH options>}
	 * @throws RunnerException when a benchmark fails
	 * @throws CommandLineOptionException when a JMH option is malformed
	 */
	public static void main(String[] args) throws RunnerException, CommandLineOptionException {
		int rounds = 3;
		int[] threads = { 1, 4 };
		List<String> jmh = new ArrayList<>();
		for (int i = 0; i < args.length; i++) {
			if (args[i].equals("--")) {
				jmh.addAll(List.of(args).subList(i + 1, args.length));
				break;
			}
			if (args[i].equals("--rounds")) {
				rounds = Integer.parseInt(args[++i]);
			}
			else if (args[i].equals("--threads")) {
				threads = java.util.Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
			}
		}
		int maxThreads = java.util.Arrays.stream(threads).max().orElse(4);
		CommandLineOptions commandLine = new CommandLineOptions(jmh.toArray(String[]::new));
		Map<String, List<Double>> scores = new LinkedHashMap<>();
		System.out.printf(Locale.ROOT, "load average at the start %.2f%n", Harness.loadAverage());
		for (int round = 1; round <= rounds; round++) {
			for (int t : threads) {
				for (String[] pair : PAIRS) {
					if (pair[0].startsWith("async") && t != maxThreads) {
						continue;
					}
					boolean reversed = (round % 2 == 0);
					for (String name : reversed ? new String[] { pair[1], pair[0] } : pair) {
						double score = measure(commandLine, name, t);
						scores.computeIfAbsent(name + "@" + t, (key) -> new ArrayList<>()).add(score);
						System.out.printf(Locale.ROOT, "round %d, %-16s %d threads: %8.1f ops/s (load %.2f)%n", round,
								name, t, score, Harness.loadAverage());
					}
				}
			}
		}
		System.out.println();
		System.out.println("| threads | client | client ops/s (median) | JDK | JDK ops/s (median) | median of paired ratios JDK / client (time per call) | ratios per round |");
		System.out.println("|---|---|---|---|---|---|---|");
		for (int t : threads) {
			for (String[] pair : PAIRS) {
				List<Double> candidate = scores.get(pair[0] + "@" + t);
				List<Double> baseline = scores.get(pair[1] + "@" + t);
				if (candidate == null || baseline == null) {
					continue;
				}
				List<Double> ratios = new ArrayList<>();
				for (int i = 0; i < candidate.size(); i++) {
					// ops/s of the bare JDK over ops/s of the client: the client's time per call over the JDK's
					ratios.add(baseline.get(i) / candidate.get(i));
				}
				System.out.printf(Locale.ROOT, "| %d | %s | %.0f | %s | %.0f | %.3f | %s |%n", t, pair[0],
						median(candidate), pair[1], median(baseline), median(ratios), format(ratios));
			}
		}
		System.out.printf(Locale.ROOT, "load average at the end %.2f%n", Harness.loadAverage());
	}

	private static double measure(CommandLineOptions commandLine, String name, int threads) throws RunnerException {
		OptionsBuilder builder = new OptionsBuilder();
		builder.parent(commandLine);
		builder.include(ClientThroughputBenchmark.class.getName() + "\\." + name + "$").threads(threads).forks(1);
		RunResult result = new Runner(builder.shouldFailOnError(true).build()).runSingle();
		return result.getPrimaryResult().getScore();
	}

	private static double median(List<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		sorted.sort(Double::compare);
		int n = sorted.size();
		return (n % 2 == 1) ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
	}

	private static String format(List<Double> values) {
		return values.stream().map((value) -> String.format(Locale.ROOT, "%.3f", value)).toList().toString();
	}

}
