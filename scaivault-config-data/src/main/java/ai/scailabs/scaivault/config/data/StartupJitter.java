package ai.scailabs.scaivault.config.data;

import java.util.concurrent.ThreadLocalRandom;

/**
 * The random share of each wait between the start-up attempts of a {@code scaivault:} import:
 * full jitter waits the server's {@code Retry-After} (when it named one) plus this share of the
 * exponential backoff. The default, {@link #RANDOM}, draws it uniformly, so that a fleet restarting
 * into a rate-limited server spreads out. Benchmarks and tests register another in the
 * {@link org.springframework.boot.bootstrap.BootstrapRegistry} (for instance with
 * {@code SpringApplication.addBootstrapRegistryInitializer}); a constant makes every replica wait
 * the same time, which is the lock-step retry that jitter exists to avoid, so it is no setting for
 * production.
 *
 * @author ScaiLabs
 */
@FunctionalInterface
public interface StartupJitter {

	/**
	 * A uniformly random share in {@code [0, 1)}: full jitter.
	 */
	StartupJitter RANDOM = () -> ThreadLocalRandom.current().nextDouble();

	/**
	 * Return the share of the backoff to wait for one retry.
	 * @return a number in {@code [0, 1]}
	 */
	double next();

}
