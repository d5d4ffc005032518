package ai.scailabs.scaivault.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Measured values of one case (durations or counts), shared by the harnesses, with nearest-rank percentiles (the median of an even count is the
 * lower middle value).
 */
public final class Samples {

	private final List<Long> values = new ArrayList<>();

	public void add(long value) {
		this.values.add(value);
	}

	public int size() {
		return this.values.size();
	}

	public long min() {
		return Collections.min(this.values);
	}

	public long max() {
		return Collections.max(this.values);
	}

	/**
	 * @param percent the percentile, such as 50 or 90
	 * @return the nearest-rank percentile
	 */
	public long percentile(int percent) {
		List<Long> sorted = new ArrayList<>(this.values);
		Collections.sort(sorted);
		int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
		return sorted.get(Math.max(rank, 1) - 1);
	}

	/**
	 * @param other samples taken alternately with these, in the same order
	 * @return the median of this / other, run by run
	 */
	public double pairedRatioMedian(Samples other) {
		List<Double> ratios = new ArrayList<>();
		for (int i = 0; i < this.values.size(); i++) {
			ratios.add((double) this.values.get(i) / other.values.get(i));
		}
		Collections.sort(ratios);
		int middle = ratios.size() / 2;
		return (ratios.size() % 2 == 1) ? ratios.get(middle) : (ratios.get(middle - 1) + ratios.get(middle)) / 2;
	}

	/**
	 * @param other samples taken alternately with these, in the same order
	 * @return the median (lower middle) of this - other, run by run
	 */
	public long pairedDifferenceMedian(Samples other) {
		List<Long> differences = new ArrayList<>();
		for (int i = 0; i < this.values.size(); i++) {
			differences.add(this.values.get(i) - other.values.get(i));
		}
		Collections.sort(differences);
		return differences.get((differences.size() - 1) / 2);
	}

	@Override
	public String toString() {
		return this.values.toString();
	}

}
