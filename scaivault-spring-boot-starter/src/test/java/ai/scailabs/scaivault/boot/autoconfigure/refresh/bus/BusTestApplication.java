package ai.scailabs.scaivault.boot.autoconfigure.refresh.bus;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import ai.scailabs.scaivault.boot.autoconfigure.refresh.ScaiVaultSecretChangedEvent;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * One replica of the bus fan-out tests: a bean bound to the imported secret and a recorder of the
 * changes live rotation applies.
 */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
@EnableConfigurationProperties(BusTestApplication.DemoProperties.class)
class BusTestApplication {

	@Bean
	Changes changes() {
		return new Changes();
	}

	@ConfigurationProperties("demo")
	static class DemoProperties {

		private @Nullable String password;

		public @Nullable String getPassword() {
			return this.password;
		}

		public void setPassword(@Nullable String password) {
			this.password = password;
		}

	}

	static class Changes {

		final BlockingQueue<ScaiVaultSecretChangedEvent> applied = new LinkedBlockingQueue<>();

		@EventListener
		void on(ScaiVaultSecretChangedEvent event) {
			this.applied.add(event);
		}

	}

}
