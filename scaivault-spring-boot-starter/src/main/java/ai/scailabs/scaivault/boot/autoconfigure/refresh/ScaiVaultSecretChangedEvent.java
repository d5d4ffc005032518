package ai.scailabs.scaivault.boot.autoconfigure.refresh;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Published, as an application event, once a new version of an imported secret is in the
 * {@code Environment} and the beans that read it are rebound. Names the properties that changed,
 * never their values.
 *
 * <pre class="code">
 * &#64;EventListener
 * void on(ScaiVaultSecretChangedEvent event) {
 *     log.info("{} moved from version {} to {}", event.path(), event.oldVersion(), event.newVersion());
 * }
 * </pre>
 *
 * @param path the secret path
 * @param oldVersion the version held before, or {@code null} when an optional import had none
 * @param newVersion the version held now
 * @param changedKeys names of the properties that were added, removed or changed (empty when the
 * new version holds the same values)
 * @author ScaiLabs
 */
public record ScaiVaultSecretChangedEvent(String path, @Nullable Integer oldVersion, int newVersion,
		Set<String> changedKeys) {

	public ScaiVaultSecretChangedEvent {
		changedKeys = Set.copyOf(changedKeys);
	}

}
