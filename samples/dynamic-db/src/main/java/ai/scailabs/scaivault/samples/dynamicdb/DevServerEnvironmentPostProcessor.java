package ai.scailabs.scaivault.samples.dynamicdb;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Lets the sample run with no set-up: when no ScaiVault is configured (neither
 * {@code scaivault.base-url} nor {@code SCAIVAULT_BASE_URL}), starts a seeded
 * {@link DynamicDbDevServer} in-process and points {@code scaivault.*} at it, with the client
 * credentials of {@code sa:orders-service}. It runs after {@code application.properties} and the
 * active profile's file are read, so that {@code sample.db.*} picks the engine's database. The
 * server becomes the {@value #BEAN_NAME} bean and stops with the application context, after the
 * pool has closed and the lease was revoked.
 *
 * <p>A real application has none of this: it sets {@code SCAIVAULT_BASE_URL},
 * {@code SCAIKEY_CLIENT_ID} and {@code SCAIKEY_CLIENT_SECRET}.
 */
class DevServerEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String PROPERTY_SOURCE_NAME = "scaivaultDevServer";

	static final String BEAN_NAME = "dynamicDbDevServer";

	private final Log log;

	private final ConfigurableBootstrapContext bootstrapContext;

	DevServerEnvironmentPostProcessor(DeferredLogFactory logFactory, ConfigurableBootstrapContext bootstrapContext) {
		this.log = logFactory.getLog(DevServerEnvironmentPostProcessor.class);
		this.bootstrapContext = bootstrapContext;
	}

	@Override
	public int getOrder() {
		return ConfigDataEnvironmentPostProcessor.ORDER + 1;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.containsProperty("scaivault.base-url") || environment.containsProperty("SCAIVAULT_BASE_URL")
				|| this.bootstrapContext.isRegistered(DynamicDbDevServer.class)) {
			return;
		}
		DynamicDbDevServer server = DynamicDbDevServer.start(environment);
		this.log.warn("No ScaiVault configured (SCAIVAULT_BASE_URL): started an in-memory ScaiVault dev server at "
				+ server.baseUrl() + " with the dynamic engine orders-db on "
				+ environment.getProperty("sample.db.type", "h2") + "; leasing as "
				+ DynamicDbDevServer.SERVICE_ACCOUNT + ". Development only.");
		this.bootstrapContext.register(DynamicDbDevServer.class, (context) -> server);
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("scaivault.base-url", server.baseUrl());
		properties.put("scaivault.client-id", DynamicDbDevServer.CLIENT_ID);
		properties.put("scaivault.client-secret", server.clientSecret());
		environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, properties));
		this.bootstrapContext.addCloseListener((event) -> {
			ConfigurableListableBeanFactory beanFactory = event.getApplicationContext().getBeanFactory();
			if (beanFactory instanceof BeanDefinitionRegistry registry) {
				RootBeanDefinition definition = new RootBeanDefinition(DynamicDbDevServer.class, () -> server);
				definition.setDestroyMethodName("close");
				registry.registerBeanDefinition(BEAN_NAME, definition);
			}
			else {
				beanFactory.registerSingleton(BEAN_NAME, server);
			}
		});
	}

}
