package ai.scailabs.scaivault.benchmarks.refresh;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import ai.scailabs.scaivault.boot.autoconfigure.refresh.ScaiVaultSecretChangedEvent;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

/**
 * The application the rotation benchmark runs twice (webhook, poll): one JavaBean
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
	record Change(int version, long nanos) {

	}

	static class Changes {

		final BlockingQueue<Change> queue = new ArrayBlockingQueue<>(10_000);

		@EventListener
		void on(ScaiVaultSecretChangedEvent event) {
			this.queue.offer(new Change(event.newVersion(), System.nanoTime()));
		}

	}

}
