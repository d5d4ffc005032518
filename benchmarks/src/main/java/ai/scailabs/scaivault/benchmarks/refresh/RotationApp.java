package ai.scailabs.scaivault.benchmarks.refresh;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import ai.scailabs.scaivault.boot.autoconfigure.refresh.ScaiVaultSecretChangedEvent;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

/**
 * The application of the rotation benchmarks (webhook and poll here; every replica of the bus
 * fan-out): one JavaBean
 * {@code @ConfigurationProperties("bench.rotation")} bound from the imported secret, and a listener
 * that stamps the moment each change has been rebound.
 */
@SpringBootApplication
@EnableConfigurationProperties(RotationApp.RotationProperties.class)
public class RotationApp {

	@Bean
	Changes changes() {
		return new Changes();
	}

	/**
	 * The bean that must see the new value.
	 */
	@ConfigurationProperties("bench.rotation")
	public static class RotationProperties {

		private @Nullable String password;

		public @Nullable String getPassword() {
			return this.password;
		}

		public void setPassword(@Nullable String password) {
			this.password = password;
		}

	}

	/**
	 * When each change was rebound ({@link System#nanoTime()}), in order.
	 *
	 * @param version the version now held
	 * @param nanos when the rebinding was done
	 */
	public record Change(int version, long nanos) {

	}

	/**
	 * The changes rebound in this application, in order.
	 */
	public static class Changes {

		private final BlockingQueue<Change> queue = new ArrayBlockingQueue<>(10_000);

		@EventListener
		void on(ScaiVaultSecretChangedEvent event) {
			this.queue.offer(new Change(event.newVersion(), System.nanoTime()));
		}

		/**
		 * @param nanos how long to wait at most
		 * @return the next change, or {@code null} if none came within the wait
		 * @throws InterruptedException if interrupted while waiting
		 */
		public @Nullable Change poll(long nanos) throws InterruptedException {
			return this.queue.poll(nanos, TimeUnit.NANOSECONDS);
		}

	}

}
