package ai.scailabs.scaivault.boot.autoconfigure.refresh;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationPropertiesBean;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.cloud.context.properties.ConfigurationPropertiesRebinder;
import org.springframework.cloud.context.scope.refresh.RefreshScope;
import org.springframework.context.ApplicationContext;

/**
 * Makes the beans see a swapped secret, and tells the application, with property names only:
 * <ol>
 * <li>rebinds the {@code @ConfigurationProperties} beans whose prefix covers a changed property,
 * and only those;</li>
 * <li>publishes an {@link EnvironmentChangeEvent} with the changed names. Its source is this
 * publisher, not the context, so that Spring Cloud's rebinder does not rebind every bean a second
 * time;</li>
 * <li>refreshes the {@code @RefreshScope} beans, when Spring Cloud's refresh scope is on (their
 * {@code @Value}s may read any property, so all of them are renewed on their next use);</li>
 * <li>publishes a {@link ScaiVaultSecretChangedEvent}.</li>
 * </ol>
 *
 * @author ScaiLabs
 */
final class RefreshPublisher {

	private final ApplicationContext context;

	private final ObjectProvider<ConfigurationPropertiesRebinder> rebinder;

	private final ObjectProvider<RefreshScope> refreshScope;

	private final Map<String, ConfigurationPropertyName> prefixes = new ConcurrentHashMap<>();

	RefreshPublisher(ApplicationContext context, ObjectProvider<ConfigurationPropertiesRebinder> rebinder,
			ObjectProvider<RefreshScope> refreshScope) {
		this.context = context;
		this.rebinder = rebinder;
		this.refreshScope = refreshScope;
	}

	/**
	 * Rebind and publish after a path was swapped.
	 * @param path the secret path
	 * @param oldVersion the version held before
	 * @param newVersion the version held now
	 * @param changedKeys the property names that changed
	 */
	void changed(String path, @Nullable Integer oldVersion, int newVersion, Set<String> changedKeys) {
		if (!changedKeys.isEmpty()) {
			rebind(changedKeys);
			this.context.publishEvent(new EnvironmentChangeEvent(this, changedKeys));
			this.refreshScope.ifAvailable(RefreshScope::refreshAll);
		}
		this.context.publishEvent(new ScaiVaultSecretChangedEvent(path, oldVersion, newVersion, changedKeys));
	}

	private void rebind(Set<String> changedKeys) {
		ConfigurationPropertiesRebinder rebinder = this.rebinder.getIfAvailable();
		if (rebinder == null) {
			return;
		}
		List<ConfigurationPropertyName> names = changedKeys.stream().map(RefreshPublisher::name).toList();
		for (String bean : rebinder.getBeanNames()) {
			ConfigurationPropertyName prefix = prefix(bean);
			if (prefix == null || names.stream().anyMatch((name) -> name == null || related(prefix, name))) {
				rebinder.rebind(bean);
			}
		}
	}

	private static boolean related(ConfigurationPropertyName prefix, ConfigurationPropertyName name) {
		return prefix.equals(name) || prefix.isAncestorOf(name) || name.isAncestorOf(prefix);
	}

	private @Nullable ConfigurationPropertyName prefix(String bean) {
		ConfigurationPropertyName prefix = this.prefixes.get(bean);
		if (prefix != null) {
			return prefix;
		}
		try {
			ConfigurationPropertiesBean properties = ConfigurationPropertiesBean.get(this.context,
					this.context.getBean(bean), bean);
			if (properties == null) {
				return null;
			}
			prefix = ConfigurationPropertyName.of(properties.getAnnotation().prefix());
			this.prefixes.put(bean, prefix);
			return prefix;
		}
		catch (RuntimeException ex) {
			// not known: rebind it to be safe
			return null;
		}
	}

	private static @Nullable ConfigurationPropertyName name(String key) {
		try {
			return ConfigurationPropertyName.adapt(key, '.');
		}
		catch (RuntimeException ex) {
			// a name Spring cannot read: every bean is rebound
			return null;
		}
	}

}
