package ai.scailabs.scaivault.boot.autoconfigure.refresh;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import ai.scailabs.scaivault.client.subscriptions.WebhookEvent;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.context.config.annotation.RefreshScope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.ScopedProxyMode;
import org.springframework.context.event.EventListener;

/**
 * The application of the live-rotation integration tests: the three ways a bean reads an imported
 * secret (a JavaBean {@code @ConfigurationProperties}, a {@code @RefreshScope} bean with
 * {@code @Value}, a record {@code @ConfigurationProperties} read by a {@code @RefreshScope} bean),
 * and a recorder of the events live rotation publishes.
 */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
@EnableConfigurationProperties({ RefreshTestApplication.DemoProperties.class, RefreshTestApplication.DemoRecord.class })
class RefreshTestApplication {

	@Bean
	@RefreshScope
	ValueBean valueBean(@Value("${demo.password}") String password) {
		return new ValueBean(password);
	}

	@Bean
	@RefreshScope
	RecordConsumer recordConsumer(DemoRecord record) {
		return new RecordConsumer(record);
	}

	@Bean
	Recorder recorder() {
		return new Recorder();
	}

	/**
	 * A JavaBean {@code @ConfigurationProperties}: rebound in place.
	 */
	@ConfigurationProperties("demo")
	static class DemoProperties {

		private @Nullable String username;

		private @Nullable String password;

		public @Nullable String getUsername() {
			return this.username;
		}

		public void setUsername(@Nullable String username) {
			this.username = username;
		}

		public @Nullable String getPassword() {
			return this.password;
		}

		public void setPassword(@Nullable String password) {
			this.password = password;
		}

	}

	/**
	 * A record {@code @ConfigurationProperties}: cannot be rebound in place, so it lives in the
	 * refresh scope (without a proxy: records are final) and only refresh-scoped beans read it.
	 */
	@ConfigurationProperties("demo")
	@RefreshScope(proxyMode = ScopedProxyMode.NO)
	record DemoRecord(@Nullable String username, @Nullable String password) {

	}

	static class ValueBean {

		private final String password;

		ValueBean(String password) {
			this.password = password;
		}

		public String password() {
			return this.password;
		}

	}

	static class RecordConsumer {

		private final DemoRecord record;

		RecordConsumer(DemoRecord record) {
			this.record = record;
		}

		public @Nullable String password() {
			return this.record.password();
		}

	}

	static class Recorder {

		final BlockingQueue<ScaiVaultSecretChangedEvent> changes = new LinkedBlockingQueue<>();

		final BlockingQueue<WebhookEvent> webhooks = new LinkedBlockingQueue<>();

		final BlockingQueue<ScaiVaultRotationDueEvent> rotationsDue = new LinkedBlockingQueue<>();

		@EventListener
		void on(ScaiVaultSecretChangedEvent event) {
			this.changes.add(event);
		}

		@EventListener
		void on(WebhookEvent event) {
			this.webhooks.add(event);
		}

		@EventListener
		void on(ScaiVaultRotationDueEvent event) {
			this.rotationsDue.add(event);
		}

	}

}
