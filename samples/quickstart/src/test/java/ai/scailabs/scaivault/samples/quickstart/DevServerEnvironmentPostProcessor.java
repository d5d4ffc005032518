package ai.scailabs.scaivault.samples.quickstart;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.logging.Log;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Lets the quickstart run with no set-up: when no ScaiVault is configured (neither
 * {@code scaivault.base-url} nor {@code SCAIVAULT_BASE_URL}), starts a seeded
 * {@link QuickstartDevServer} in-process and points {@code scaivault.*} at it, with the client
 * credentials of {@code sa:reporting-service}, before {@code spring.config.import} is processed.
 * The server becomes the {@value #BEAN_NAME} bean and stops with the application context.
 *
 * <p>A real application has none of this: it sets {@code SCAIVAULT_BASE_URL},
 * {@code SCAIKEY_CLIENT_ID} and {@code SCAIKEY_CLIENT_SECRET}.
 */
class DevServerEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String PROPERTY_SOURCE_NAME = "scaivaultDevServer";

	static final String BEAN_NAME = "quickstartDevServer";

	private final Log log;

	private final ConfigurableBootstrapContext bootstrapContext;

	DevServerEnvironmentPostProcessor(DeferredLogFactory logFactory, ConfigurableBootstrapContext bootstrapContext) {
		this.log = logFactory.getLog(DevServerEnvironmentPostProcessor.class);
		this.bootstrapContext = bootstrapContext;
	}

	@Override
	public int getOrder() {
		// before the config data (and with it spring.config.import=scaivault:...) is processed
		return ConfigDataEnvironmentPostProcessor.ORDER - 1;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.containsProperty("scaivault.base-url") || environment.containsProperty("SCAIVAULT_BASE_URL")
				|| this.bootstrapContext.isRegistered(QuickstartDevServer.class)) {
			return;
		}
		QuickstartDevServer server = QuickstartDevServer.start();
		this.log.warn("No ScaiVault configured (SCAIVAULT_BASE_URL): started an in-memory ScaiVault dev server at "
				+ server.baseUrl() + ", seeded with the walk-through's secret and policy; reading as "
				+ QuickstartDevServer.SERVICE_ACCOUNT + ". Development only.");
		this.bootstrapContext.register(QuickstartDevServer.class, (context) -> server);
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("scaivault.base-url", server.baseUrl());
		properties.put("scaivault.client-id", QuickstartDevServer.CLIENT_ID);
		properties.put("scaivault.client-secret", server.clientSecret());
		environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, properties));
		this.bootstrapContext.addCloseListener((event) -> {
			ConfigurableListableBeanFactory beanFactory = event.getApplicationContext().getBeanFactory();
			if (beanFactory instanceof BeanDefinitionRegistry registry) {
				RootBeanDefinition definition = new RootBeanDefinition(QuickstartDevServer.class, () -> server);
				definition.setDestroyMethodName("close");
				registry.registerBeanDefinition(BEAN_NAME, definition);
			}
			else {
				beanFactory.registerSingleton(BEAN_NAME, server);
			}
		});
	}

}
