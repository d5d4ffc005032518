package ai.scailabs.scaivault.config.data;

import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the start-up reads of a {@code scaivault:} import took: attempts by outcome, retries and the
 * time spent waiting between them. Recorded at bootstrap, where no meter registry exists yet, and
 * handed to the application context as the bean {@value #BEAN_NAME}, where the starter's metrics
 * publish it ({@code scaivault.config.startup.*}). Thread-safe; it counts only, never a path or a
 * value.
 *
 * @author ScaiLabs
 */
public final class StartupAttempts {

	/** Name of the bean the import's attempts are promoted to. */
	public static final String BEAN_NAME = "scaiVaultStartupAttempts";

	private final LongAdder successful = new LongAdder();

	private final LongAdder rateLimited = new LongAdder();

	private final LongAdder failed = new LongAdder();

	private final LongAdder retries = new LongAdder();

	private final LongAdder waitedNanos = new LongAdder();

	void recordSuccess() {
		this.successful.increment();
	}

	void recordFailure(boolean rateLimited) {
		(rateLimited ? this.rateLimited : this.failed).increment();
	}

	void recordRetry(Duration wait) {
		this.retries.increment();
		this.waitedNanos.add(wait.toNanos());
	}

	/** @return every attempt made, whatever its outcome */
	public long getAttempts() {
		return getSuccessful() + getRateLimited() + getFailed();
	}

	/** @return the attempts that ScaiVault answered */
	public long getSuccessful() {
		return this.successful.sum();
	}

	/** @return the attempts answered {@code 429 rate_limited} */
	public long getRateLimited() {
		return this.rateLimited.sum();
	}

	/** @return the attempts that failed otherwise (unreachable, unavailable, denied, ...) */
	public long getFailed() {
		return this.failed.sum();
	}

	/** @return the attempts that were retried after a wait */
	public long getRetries() {
		return this.retries.sum();
	}

	/** @return the time spent waiting between attempts */
	public Duration getWaitTime() {
		return Duration.ofNanos(this.waitedNanos.sum());
	}

	@Override
	public String toString() {
		return "StartupAttempts[attempts=" + getAttempts() + ", successful=" + getSuccessful() + ", rateLimited="
				+ getRateLimited() + ", failed=" + getFailed() + ", retries=" + getRetries() + ", waitTime="
				+ getWaitTime() + "]";
	}

}
