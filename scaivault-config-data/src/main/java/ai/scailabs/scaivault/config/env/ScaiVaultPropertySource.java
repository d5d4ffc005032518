package ai.scailabs.scaivault.config.env;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;

import ai.scailabs.scaivault.client.secrets.Secret;

import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.OriginLookup;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.util.Assert;

/**
 * Property source holding the secrets of one {@code scaivault:} location, each value with its
 * {@link ScaiVaultOrigin origin}.
 *
 * <p>The values live in one immutable snapshot held in an {@link AtomicReference}:
 * {@link #update(String, Secret)} swaps one path's values atomically, so a reader sees either all
 * old or all new values of a rotated secret, never a mix. Paths pinned to a version never change.
 * When two paths of the location define the same property, the later path wins.
 *
 * <p>Keys are exposed as stored in ScaiVault (after flattening, see {@link SecretFlattener}). Spring
 * Boot's relaxed binding reads them in their canonical form too: a key {@code client_id} under the
 * prefix {@code salesforce.} binds to a {@code clientId} field of
 * {@code @ConfigurationProperties("salesforce")} and resolves {@code ${salesforce.client-id}} as
 * well as {@code ${salesforce.client_id}}.
 *
 * <p>{@link #toString()} shows the name and paths only, never values.
 *
 * @author ScaiLabs
 */
public class ScaiVaultPropertySource extends EnumerablePropertySource<Object> implements OriginLookup<String> {

	private final @Nullable Origin importOrigin;

	private final AtomicReference<Snapshot> snapshot;

	/**
	 * Create a property source.
	 * @param name name of the property source, by convention the location ({@code scaivault:...})
	 * @param secrets secret per reference, in the order of the location; {@code null} for a path
	 * that could not be read (an optional import)
	 * @param importOrigin origin of the {@code spring.config.import} declaration, if known, used as
	 * the parent of every value's origin
	 */
	public ScaiVaultPropertySource(String name, Map<SecretReference, @Nullable Secret> secrets,
			@Nullable Origin importOrigin) {
		super(name, new Object());
		this.importOrigin = importOrigin;
		List<Entry> entries = new ArrayList<>(secrets.size());
		secrets.forEach((reference, secret) -> {
			Assert.isTrue(secret == null || secret.path().equals(reference.path()),
					() -> "Secret of path '" + secret.path() + "' cannot be held for path '" + reference.path() + "'");
			entries.add(new Entry(reference, secret));
		});
		this.snapshot = new AtomicReference<>(Snapshot.of(entries, importOrigin));
	}

	@Override
	public @Nullable Object getProperty(String name) {
		Value value = this.snapshot.get().values().get(name);
		return (value != null) ? value.value() : null;
	}

	@Override
	public boolean containsProperty(String name) {
		return this.snapshot.get().values().containsKey(name);
	}

	@Override
	public String[] getPropertyNames() {
		return this.snapshot.get().names().clone();
	}

	@Override
	public @Nullable Origin getOrigin(String name) {
		Value value = this.snapshot.get().values().get(name);
		return (value != null) ? value.origin() : null;
	}

	/**
	 * Return the references of this property source, in order.
	 * @return the references
	 */
	public List<SecretReference> getReferences() {
		return this.snapshot.get().entries().stream().map(Entry::reference).toList();
	}

	/**
	 * Return whether this property source holds values of the given path (or would, once an
	 * optional path exists).
	 * @param path secret path
	 * @return {@code true} if one of the references names the path
	 */
	public boolean containsPath(String path) {
		return this.snapshot.get().entries().stream().anyMatch((entry) -> entry.reference().path().equals(path));
	}

	/**
	 * Return the version held for the given path, ignoring references that pin a version.
	 * @param path secret path
	 * @return the current version, or {@code null} if no current (unpinned) version of the path is
	 * held
	 */
	public @Nullable Integer getVersion(String path) {
		Integer version = null;
		for (Entry entry : this.snapshot.get().entries()) {
			if (!entry.reference().isPinned() && entry.reference().path().equals(path) && entry.secret() != null) {
				version = entry.secret().version();
			}
		}
		return version;
	}

	/**
	 * Atomically replace the values of one path with those of the given secret. References that pin
	 * a version are left alone, and so is a path that already holds the same or a newer version
	 * (values never go back to an older version).
	 * @param path secret path
	 * @param secret new version of the secret at that path
	 * @return names of the properties that were added, removed or changed; empty when nothing
	 * changed
	 * @throws IllegalArgumentException if the secret is not of the given path, or this property
	 * source does not hold the path
	 */
	public Set<String> update(String path, Secret secret) {
		Assert.isTrue(secret.path().equals(path),
				() -> "Secret of path '" + secret.path() + "' cannot replace path '" + path + "'");
		Assert.isTrue(containsPath(path),
				() -> "Property source '" + getName() + "' holds no path '" + path + "'");
		while (true) {
			Snapshot current = this.snapshot.get();
			List<Entry> entries = new ArrayList<>(current.entries().size());
			boolean replaced = false;
			for (Entry entry : current.entries()) {
				if (entry.accepts(path, secret)) {
					entries.add(new Entry(entry.reference(), secret));
					replaced = true;
				}
				else {
					entries.add(entry);
				}
			}
			if (!replaced) {
				return Collections.emptySet();
			}
			Snapshot updated = Snapshot.of(entries, this.importOrigin);
			if (this.snapshot.compareAndSet(current, updated)) {
				return changedNames(current, updated);
			}
		}
	}

	private static Set<String> changedNames(Snapshot before, Snapshot after) {
		Set<String> changed = new LinkedHashSet<>();
		before.values().forEach((name, value) -> {
			Value other = after.values().get(name);
			if (other == null || !Objects.equals(value.value(), other.value())) {
				changed.add(name);
			}
		});
		after.values().keySet().stream().filter((name) -> !before.values().containsKey(name)).forEach(changed::add);
		return Collections.unmodifiableSet(changed);
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + " {name='" + getName() + "', paths=" + getReferences() + "}";
	}

	/**
	 * One path of the location and the secret read for it.
	 *
	 * @param reference the path as the location names it
	 * @param secret the secret read for it, or {@code null} if an optional path could not be read
	 */
	private record Entry(SecretReference reference, @Nullable Secret secret) {

		boolean accepts(String path, Secret candidate) {
			return !this.reference.isPinned() && this.reference.path().equals(path)
					&& (this.secret == null || candidate.version() > this.secret.version());
		}

		@Override
		public String toString() {
			return "Entry[reference=" + this.reference + ", version="
					+ ((this.secret != null) ? this.secret.version() : "none") + "]";
		}

	}

	/**
	 * One property value with its origin. {@link #toString()} shows the origin and key, never the
	 * value.
	 *
	 * @param value the value, as read from the secret
	 * @param origin where the value came from (path, version and key)
	 */
	private record Value(Object value, ScaiVaultOrigin origin) {

		@Override
		public String toString() {
			return "Value[path=" + this.origin.path() + ", version=" + this.origin.version() + ", key="
					+ this.origin.key() + "]";
		}

	}

	/**
	 * The values of every path at one moment, replaced as a whole on update. {@link #toString()}
	 * shows paths, versions and property names, never values.
	 *
	 * @param entries the paths and their secrets, in the order of the location
	 * @param values the values by property name
	 * @param names the property names, in order
	 */
	private record Snapshot(List<Entry> entries, Map<String, Value> values, String[] names) {

		static Snapshot of(List<Entry> entries, @Nullable Origin importOrigin) {
			Map<String, Value> values = new LinkedHashMap<>();
			for (Entry entry : entries) {
				Secret secret = entry.secret();
				if (secret != null) {
					String prefix = entry.reference().prefix();
					SecretFlattener.flatten("", secret.data(),
							(key, value) -> values.put(prefix + key,
									new Value(value, new ScaiVaultOrigin(secret.path(), secret.version(), key,
											importOrigin))));
				}
			}
			return new Snapshot(List.copyOf(entries), Collections.unmodifiableMap(values),
					values.keySet().toArray(String[]::new));
		}

		@Override
		public String toString() {
			return "Snapshot[entries=" + this.entries + ", keys=" + this.values.keySet() + "]";
		}

	}

}
