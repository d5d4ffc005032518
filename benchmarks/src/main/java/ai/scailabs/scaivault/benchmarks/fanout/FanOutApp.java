package ai.scailabs.scaivault.benchmarks.fanout;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import org.jspecify.annotations.Nullable;

import ai.scailabs.scaivault.boot.autoconfigure.refresh.ScaiVaultSecretChangedEvent;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

/**
 * One replica of the fan-out benchmark: a {@code @ConfigurationProperties("bench.fanout")} bean
 * bound from the imported secret, and a listener that stamps the moment each change has been
 * rebound.
 */
@SpringBootApplication
@EnableConfigurationProperties(FanOutApp.FanOutProperties.class)
public class FanOutApp {

	@Bean
	Changes changes() {
		return new Changes();
	}

	/**
	 * The bean that must see the new value.
	 */
	@ConfigurationProperties("bench.fanout")
	public static class FanOutProperties {

		private @Nullable String password;

		public @Nullable String getPassword() {
			return this.password;
		}

		public void setPassword(@Nullable String password) {
			this.password = password;
		}

	}

	/**
	 * When a change was rebound on this replica.
	 *
	 * @param version the version now held
	 * @param nanos when the rebinding was done ({@link System#nanoTime()})
	 */
	record Change(int version, long nanos) {

	}

	static class Changes {

		final BlockingQueue<Change> queue = new LinkedBlockingQueue<>();

		@EventListener
		void on(ScaiVaultSecretChangedEvent event) {
			this.queue.add(new Change(event.newVersion(), System.nanoTime()));
		}

	}

}
