package ai.scailabs.scaivault.config.data;

import java.util.List;

import org.apache.commons.logging.Log;

import ai.scailabs.scaivault.client.ScaiVaultClient;
import ai.scailabs.scaivault.config.ScaiVaultClientBuilderCustomizer;
import ai.scailabs.scaivault.config.ScaiVaultClientFactory;
import ai.scailabs.scaivault.config.ScaiVaultProperties;
import ai.scailabs.scaivault.config.env.SecretReference;

import org.springframework.boot.bootstrap.BootstrapContext;
import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;
import org.springframework.boot.context.config.ConfigDataLocation;
import org.springframework.boot.context.config.ConfigDataLocationResolver;
import org.springframework.boot.context.config.ConfigDataLocationResolverContext;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.util.StringUtils;

/**
 * Resolves {@code scaivault:} locations of {@code spring.config.import}, such as
 * {@code optional:scaivault:integrations/salesforce/oauth?prefix=salesforce.;apps/my-app?version=3}.
 * See {@link ScaiVaultLocationParser} for the syntax.
 *
 * <p>Resolving registers, in the bootstrap context: the {@link ScaiVaultProperties} bound from the
 * environment so far, a {@link ScaiVaultClient} built from them on first use (unless one is
 * registered already), and the paths of the location, so that the first load reads the paths of all
 * locations with one batch request. When the bootstrap context closes, the client is registered in
 * the application context as {@value ScaiVaultClientFactory#CLIENT_BEAN_NAME}; its request listener
 * forwards to the application's {@code RequestListener} beans once they exist.
 *
 * <p>A {@link ScaiVaultClientBuilderCustomizer} or a {@link StartupSleeper} registered in the
 * bootstrap context is applied to the bootstrap client or to the start-up retries. The SSL bundle
 * named by {@code scaivault.ssl.bundle} is taken from an {@code SslBundles} registered in the
 * bootstrap context, else from the {@code spring.ssl.bundle.*} properties.
 *
 * @author ScaiLabs
 */
public class ScaiVaultConfigDataLocationResolver implements ConfigDataLocationResolver<ScaiVaultConfigDataResource> {

	/**
	 * Prefix of the locations this resolver handles.
	 */
	public static final String PREFIX = ScaiVaultLocationParser.PREFIX;

	private final Log log;

	/**
	 * Create a resolver.
	 * @param logFactory factory of the deferred log
	 */
	public ScaiVaultConfigDataLocationResolver(DeferredLogFactory logFactory) {
		this.log = logFactory.getLog(ScaiVaultConfigDataLocationResolver.class);
	}

	@Override
	public boolean isResolvable(ConfigDataLocationResolverContext context, ConfigDataLocation location) {
		return location.hasPrefix(PREFIX);
	}

	@Override
	public List<ScaiVaultConfigDataResource> resolve(ConfigDataLocationResolverContext context,
			ConfigDataLocation location) {
		List<SecretReference> references = ScaiVaultLocationParser.parse(location.getValue());
		ConfigurableBootstrapContext bootstrap = context.getBootstrapContext();
		Binder binder = context.getBinder();
		bootstrap.registerIfAbsent(ScaiVaultProperties.class, (ignored) -> bindProperties(binder));
		bootstrap.registerIfAbsent(ScaiVaultClient.class, (registered) -> createClient(registered, binder));
		if (!bootstrap.isRegistered(ImportedSecrets.class)) {
			bootstrap.register(ImportedSecrets.class, (ignored) -> new ImportedSecrets());
			bootstrap.register(BootstrapRequestListener.class, (ignored) -> new BootstrapRequestListener());
			bootstrap.registerIfAbsent(StartupAttempts.class, (ignored) -> new StartupAttempts());
			bootstrap.addCloseListener(new ScaiVaultClientPromoter());
		}
		bootstrap.get(ImportedSecrets.class).register(references);
		if (this.log.isDebugEnabled()) {
			this.log.debug("Resolved ScaiVault location '" + location + "' to " + references);
		}
		return List.of(new ScaiVaultConfigDataResource(location.getValue(), references, location.isOptional(),
				location.getOrigin()));
	}

	private static ScaiVaultProperties bindProperties(Binder binder) {
		return binder.bind(ScaiVaultProperties.PREFIX, ScaiVaultProperties.class).orElseGet(ScaiVaultProperties::new);
	}

	private static ScaiVaultClient createClient(BootstrapContext bootstrap, Binder binder) {
		ScaiVaultProperties properties = bootstrap.get(ScaiVaultProperties.class);
		ScaiVaultClientFactory factory = new ScaiVaultClientFactory(properties)
			.requestListener(bootstrap.get(BootstrapRequestListener.class));
		String bundle = properties.getSsl().getBundle();
		if (StringUtils.hasText(bundle)) {
			factory.sslContext(BootstrapSslContexts.get(bundle, bootstrap, binder));
		}
		if (bootstrap.isRegistered(ScaiVaultClientBuilderCustomizer.class)) {
			factory.customizer(bootstrap.get(ScaiVaultClientBuilderCustomizer.class));
		}
		return factory.createClient();
	}

}
