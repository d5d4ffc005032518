package ai.scailabs.scaivault.boot.autoconfigure.refresh;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.server.WebFilter;

/**
 * The webhook endpoint on whichever web stack the application runs, imported by
 * {@link ScaiVaultRefreshAutoConfiguration}.
 *
 * @author ScaiLabs
 */
final class WebhookEndpointConfigurations {

	private WebhookEndpointConfigurations() {
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(OncePerRequestFilter.class)
	@Conditional(OnScaiVaultRefreshCondition.OnWebhookSecret.class)
	static class Servlet {

		@Bean
		ServletWebhookFilter scaiVaultWebhookFilter(ScaiVaultRefreshProperties properties, WebhookReceiver receiver) {
			return new ServletWebhookFilter(properties.getWebhook().getPath(), receiver);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
	@ConditionalOnClass(WebFilter.class)
	@Conditional(OnScaiVaultRefreshCondition.OnWebhookSecret.class)
	static class Reactive {

		@Bean
		ReactiveWebhookFilter scaiVaultWebhookFilter(ScaiVaultRefreshProperties properties, WebhookReceiver receiver) {
			return new ReactiveWebhookFilter(properties.getWebhook().getPath(), receiver);
		}

	}

}
