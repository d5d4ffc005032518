package ai.scailabs.scaivault.benchmarks.devserver;

import java.util.Collection;
import java.util.Locale;

import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.util.Statistics;

/**
 * Runs the dev server benchmarks with JMH and ends with a summary table (median and p90 over all
 * measured operations or iterations of all forks). Any JMH command-line option may be given, such as
 * a benchmark regex ({@code DevServerStartup}) or {@code -f 1}; without a regex it runs every
 * benchmark of this package.
 */
public final class DevServerBenchmarks {

	private DevServerBenchmarks() {
	}

	/**
	 * @param args JMH command-line options
	 * @throws RunnerException when a benchmark fails
	 * @throws CommandLineOptionException when an option is malformed
	 */
	public static void main(String[] args) throws RunnerException, CommandLineOptionException {
		CommandLineOptions commandLine = new CommandLineOptions(args);
		OptionsBuilder builder = new OptionsBuilder();
		builder.parent(commandLine);
		if (commandLine.getIncludes().isEmpty()) {
			builder.include(DevServerBenchmarks.class.getPackageName() + "\\..*Benchmark\\..*");
		}
		Options options = builder.shouldFailOnError(true).build();
		Collection<RunResult> results = new Runner(options).run();
		System.out.println();
		System.out.println("| benchmark | mode | n | median | p90 | mean ± 99.9% CI | unit |");
		System.out.println("|---|---|---|---|---|---|---|");
		for (RunResult run : results) {
			Result<?> primary = run.getPrimaryResult();
			Statistics statistics = primary.getStatistics();
			String name = run.getParams().getBenchmark();
			System.out.println(String.format(Locale.ROOT, "| %s | %s | %d | %.1f | %.1f | %.1f ± %.1f | %s |",
					name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1),
					run.getParams().getMode().shortLabel(), statistics.getN(), statistics.getPercentile(50),
					statistics.getPercentile(90), statistics.getMean(), statistics.getMeanErrorAt(0.999),
					primary.getScoreUnit()));
		}
	}

}
