package ai.scailabs.scaivault.config.data;

import java.time.Duration;
import java.time.Instant;

/**
 * Waits between the start-up attempts of a {@code scaivault:} import and tells the time the
 * start-up budget ({@code scaivault.config.retry.budget}) is measured with. The default sleeps the
 * thread and reads the system clock; tests register another in the
 * {@link org.springframework.boot.bootstrap.BootstrapRegistry} (for instance with
 * {@code SpringApplication.addBootstrapRegistryInitializer}) to record the delays without waiting,
 * moving their own clock.
 *
 * @author ScaiLabs
 */
@FunctionalInterface
public interface StartupSleeper {

	/**
	 * A sleeper that blocks the calling thread.
	 */
	StartupSleeper THREAD = (duration) -> Thread.sleep(duration.toMillis());

	/**
	 * Wait for the given duration.
	 * @param duration how long to wait
	 * @throws InterruptedException if the thread is interrupted while waiting
	 */
	void sleep(Duration duration) throws InterruptedException;

	/**
	 * Return the current time, for the start-up budget. Default: the system clock.
	 * @return the current time
	 */
	default Instant now() {
		return Instant.now();
	}

}
