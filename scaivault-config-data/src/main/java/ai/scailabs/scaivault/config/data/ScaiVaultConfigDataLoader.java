package ai.scailabs.scaivault.config.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.jspecify.annotations.Nullable;

import ai.scailabs.scaivault.client.ScaiVaultClient;
import ai.scailabs.scaivault.client.secrets.Secret;
import ai.scailabs.scaivault.config.ScaiVaultProperties;
import ai.scailabs.scaivault.config.env.ScaiVaultPropertySource;
import ai.scailabs.scaivault.config.env.SecretReference;

import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;
import org.springframework.boot.context.config.ConfigData;
import org.springframework.boot.context.config.ConfigDataLoader;
import org.springframework.boot.context.config.ConfigDataLoaderContext;
import org.springframework.boot.logging.DeferredLogFactory;

/**
 * Loads a {@link ScaiVaultConfigDataResource} into one {@link ScaiVaultPropertySource} named after
 * the location.
 *
 * <p>A path that cannot be read fails start-up with a {@link ScaiVaultImportException} (see
 * {@link ScaiVaultImportFailureAnalyzer}); in an {@code optional:} location it is skipped instead,
 * with one warning line per location. ScaiVault being unreachable is retried first, within the
 * start-up budget ({@code scaivault.config.retry.*}, the one retry owner of these reads), then the
 * same rule applies. Nothing is read when
 * {@code scaivault.config.enabled} is {@code false}.
 *
 * @author ScaiLabs
 */
public class ScaiVaultConfigDataLoader implements ConfigDataLoader<ScaiVaultConfigDataResource> {

	private final Log log;

	/**
	 * Create a loader.
	 * @param logFactory factory of the deferred log
	 */
	public ScaiVaultConfigDataLoader(DeferredLogFactory logFactory) {
		this.log = logFactory.getLog(ScaiVaultConfigDataLoader.class);
	}

	@Override
	public ConfigData load(ConfigDataLoaderContext context, ScaiVaultConfigDataResource resource) {
		ConfigurableBootstrapContext bootstrap = context.getBootstrapContext();
		ScaiVaultProperties properties = bootstrap.get(ScaiVaultProperties.class);
		if (!properties.getConfig().isEnabled()) {
			this.log.debug("Not importing ScaiVault location '" + resource + "': scaivault.config.enabled is false");
			return new ConfigData(List.of());
		}
		ImportedSecrets imports = bootstrap.get(ImportedSecrets.class);
		StartupRetry retry = new StartupRetry(properties.getConfig().getRetry(), properties.getTimeout(),
				bootstrap.getOrElse(StartupSleeper.class, StartupSleeper.THREAD), this.log,
				bootstrap.getOrElse(StartupJitter.class, StartupJitter.RANDOM)::next,
				bootstrap.get(StartupAttempts.class));
		Map<SecretReference, @Nullable Secret> secrets = new LinkedHashMap<>();
		List<ImportFailure> failures = new ArrayList<>();
		for (SecretReference reference : resource.getReferences()) {
			ImportedSecrets.Outcome outcome = imports.get(reference, () -> bootstrap.get(ScaiVaultClient.class), retry);
			secrets.put(reference, outcome.secret());
			if (outcome.failure() != null) {
				failures.add(outcome.failure());
			}
		}
		if (!failures.isEmpty()) {
			if (!resource.isOptionalLocation()) {
				if (imports.ownsClient()) {
					// start-up stops here: the client will never be handed over to a context (a
					// ContextRefresher's import leaves the application's client open)
					bootstrap.get(ScaiVaultClient.class).close();
				}
				throw new ScaiVaultImportException(resource.getLocation(), failures);
			}
			this.log.warn("Skipping unreadable paths of optional ScaiVault location '" + resource.getLocation() + "': "
					+ failures.stream()
						.map((failure) -> failure.describePath() + " (" + failure.describeError() + ")")
						.collect(Collectors.joining(", ")));
		}
		ScaiVaultPropertySource propertySource = new ScaiVaultPropertySource(resource.getLocation(), secrets,
				resource.getOrigin());
		return new ConfigData(List.of(propertySource), ConfigData.Option.IGNORE_IMPORTS);
	}

}
