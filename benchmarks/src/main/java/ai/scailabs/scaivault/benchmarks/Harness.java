package ai.scailabs.scaivault.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * What every plain harness of this module needs besides {@link Samples}: its command-line options,
 * the machine's load to print next to each figure, and a latency row of the result tables.
 */
public final class Harness {

	private Harness() {
	}

	/**
	 * @param args the command line
	 * @param name the option, such as {@code --rounds}
	 * @param fallback the value when the option is absent
	 * @return the word after the option, or the fallback
	 */
	public static String option(String[] args, String name, String fallback) {
		for (int i = 0; i < args.length - 1; i++) {
			if (args[i].equals(name)) {
				return args[i + 1];
			}
		}
		return fallback;
	}

	/** @return the system load average of the last minute */
	public static double loadAverage() {
		return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
	}

	/**
	 * @param nanos a duration in nanoseconds
	 * @return it in milliseconds with one decimal, such as {@code 12.3 ms}
	 */
	public static String ms(long nanos) {
		return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
	}

	/**
	 * Print one Markdown row: what was measured, the count, p50, p90, p99 and max, and the p50 over
	 * the baseline's.
	 * @param measured the row's name
	 * @param samples its samples, in nanoseconds
	 * @param baseline the baseline's samples, in nanoseconds
	 */
	public static void latencyRow(String measured, Samples samples, Samples baseline) {
		System.out.printf(Locale.ROOT, "| %s | %d | %s | %s | %s | %s | %.1f |%n", measured, samples.size(),
				ms(samples.percentile(50)), ms(samples.percentile(90)), ms(samples.percentile(99)), ms(samples.max()),
				(double) samples.percentile(50) / baseline.percentile(50));
	}

}
