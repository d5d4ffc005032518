package ai.scailabs.scaivault.samples.devserver;

import java.util.List;

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
import org.springframework.core.io.support.SpringFactoriesLoader;

/**
 * Lets a sample run with no set-up: when no ScaiVault is configured (neither
 * {@code scaivault.base-url} nor {@code SCAIVAULT_BASE_URL}), starts a {@link SampleDevServer}
 * in-process, seeded by the sample's {@link SampleDevServerSeed}, and points {@code scaivault.*} at
 * it. It runs before the config data is processed, so that {@code spring.config.import=scaivault:}
 * reads from it, unless the seed reads the application's properties. The server becomes the
 * {@value #BEAN_NAME} bean and stops with the application context, after every bean that uses it.
 *
 * <p>A real application has none of this: it sets {@code SCAIVAULT_BASE_URL} and its credentials.
 */
public class SampleDevServerEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/** Name of the property source with the {@code scaivault.*} properties. */
	public static final String PROPERTY_SOURCE_NAME = "scaivaultDevServer";

	/** Name of the {@link SampleDevServer} bean. */
	public static final String BEAN_NAME = "sampleDevServer";

	private final Log log;

	private final ConfigurableBootstrapContext bootstrapContext;

	private final SampleDevServerSeed seed;

	/**
	 * Create the post-processor with the seed registered in the bootstrap context, else the one that
	 * {@code META-INF/spring.factories} names.
	 * @param logFactory the deferred log factory
	 * @param bootstrapContext the bootstrap context, which holds the server once started
	 */
	SampleDevServerEnvironmentPostProcessor(DeferredLogFactory logFactory,
			ConfigurableBootstrapContext bootstrapContext) {
		this.log = logFactory.getLog(SampleDevServerEnvironmentPostProcessor.class);
		this.bootstrapContext = bootstrapContext;
		this.seed = bootstrapContext.isRegistered(SampleDevServerSeed.class)
				? bootstrapContext.get(SampleDevServerSeed.class) : loadSeed();
	}

	@Override
	public int getOrder() {
		return this.seed.readsApplicationProperties() ? ConfigDataEnvironmentPostProcessor.ORDER + 1
				: ConfigDataEnvironmentPostProcessor.ORDER - 1;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.containsProperty("scaivault.base-url") || environment.containsProperty("SCAIVAULT_BASE_URL")
				|| this.bootstrapContext.isRegistered(SampleDevServer.class)) {
			return;
		}
		SampleDevServer server = SampleDevServer.start(this.seed, environment);
		this.log.warn("No ScaiVault configured (SCAIVAULT_BASE_URL): started an in-memory ScaiVault dev server at "
				+ server.baseUrl() + ", " + this.seed.describe(environment) + "; " + server.readingAs()
				+ ". Development only.");
		this.bootstrapContext.register(SampleDevServer.class, (context) -> server);
		environment.getPropertySources()
			.addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, server.applicationProperties()));
		this.bootstrapContext.addCloseListener((event) -> {
			// registered before the application's beans, so destroyed after them
			ConfigurableListableBeanFactory beanFactory = event.getApplicationContext().getBeanFactory();
			if (beanFactory instanceof BeanDefinitionRegistry registry) {
				RootBeanDefinition definition = new RootBeanDefinition(SampleDevServer.class, () -> server);
				definition.setDestroyMethodName("close");
				registry.registerBeanDefinition(BEAN_NAME, definition);
			}
			else {
				beanFactory.registerSingleton(BEAN_NAME, server);
			}
		});
	}

	private static SampleDevServerSeed loadSeed() {
		List<SampleDevServerSeed> seeds = SpringFactoriesLoader
			.forDefaultResourceLocation(SampleDevServerEnvironmentPostProcessor.class.getClassLoader())
			.load(SampleDevServerSeed.class);
		if (seeds.size() != 1) {
			throw new IllegalStateException("The sample dev server needs exactly one " + SampleDevServerSeed.class.getName()
					+ " in META-INF/spring.factories, found " + seeds.size() + ": name the sample's seed there");
		}
		return seeds.get(0);
	}

}
