package ai.scailabs.scaivault.boot.autoconfigure.refresh;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import ai.scailabs.scaivault.client.secrets.Secret;
import ai.scailabs.scaivault.config.env.ScaiVaultPropertySource;
import ai.scailabs.scaivault.config.env.SecretReference;

import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

/**
 * The {@code scaivault:} property sources of the environment, looked up on every call: a
 * {@code ContextRefresher} may replace them with new ones. Knows which paths were imported (pinned
 * versions aside, since they never change) and which version of each is held.
 *
 * @author ScaiLabs
 */
final class ImportedSecretSources {

	private final ConfigurableEnvironment environment;

	ImportedSecretSources(ConfigurableEnvironment environment) {
		this.environment = environment;
	}

	/**
	 * Return whether the environment holds any {@code scaivault:} import.
	 * @param environment the environment
	 * @return {@code true} if it does
	 */
	static boolean hasImports(ConfigurableEnvironment environment) {
		return !new ImportedSecretSources(environment).sources().isEmpty();
	}

	/**
	 * Return the current version held for every imported path that rotation may change.
	 * @return version by path, {@code null} for an optional path not read yet; in import order
	 */
	Map<String, @Nullable Integer> versions() {
		Map<String, @Nullable Integer> versions = new LinkedHashMap<>();
		for (ScaiVaultPropertySource source : sources()) {
			for (SecretReference reference : source.getReferences()) {
				if (!reference.isPinned()) {
					String path = reference.path();
					Integer held = source.getVersion(path);
					versions.put(path, versions.containsKey(path) ? max(versions.get(path), held) : held);
				}
			}
		}
		return versions;
	}

	/**
	 * Return whether a path was imported (unpinned).
	 * @param path the secret path
	 * @return {@code true} if a property source holds it
	 */
	boolean isImported(String path) {
		return versions().containsKey(path);
	}

	/**
	 * Return the newest version held for a path.
	 * @param path the secret path
	 * @return the version, or {@code null} when none is held
	 */
	@Nullable Integer version(String path) {
		return versions().get(path);
	}

	/**
	 * Swap a path's values in every property source that holds it, each atomically; sources that
	 * hold the same or a newer version keep theirs.
	 * @param secret the new version
	 * @return the names of the properties that changed
	 */
	Set<String> apply(Secret secret) {
		Set<String> changed = new LinkedHashSet<>();
		for (ScaiVaultPropertySource source : sources()) {
			if (source.containsPath(secret.path())) {
				changed.addAll(source.update(secret.path(), secret));
			}
		}
		return changed;
	}

	private List<ScaiVaultPropertySource> sources() {
		List<ScaiVaultPropertySource> sources = new ArrayList<>();
		for (PropertySource<?> source : this.environment.getPropertySources()) {
			if (source instanceof ScaiVaultPropertySource scaiVault) {
				sources.add(scaiVault);
			}
		}
		return sources;
	}

	private static @Nullable Integer max(@Nullable Integer a, @Nullable Integer b) {
		if (a == null) {
			return b;
		}
		return (b == null) ? a : Math.max(a, b);
	}

}
