package ai.scailabs.scaivault.config.data;

import java.time.Duration;

/**
 * Waits between the start-up attempts of a {@code scaivault:} import. The default sleeps the
 * thread; tests register another in the {@link org.springframework.boot.bootstrap.BootstrapRegistry}
 * (for instance with {@code SpringApplication.addBootstrapRegistryInitializer}) to record the delays
 * without waiting.
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

}
