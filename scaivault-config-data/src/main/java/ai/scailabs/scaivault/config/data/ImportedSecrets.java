package ai.scailabs.scaivault.config.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import ai.scailabs.scaivault.client.ApiError;
import ai.scailabs.scaivault.client.ScaiVaultClient;
import ai.scailabs.scaivault.client.ScaiVaultException;
import ai.scailabs.scaivault.client.secrets.BatchResult;
import ai.scailabs.scaivault.client.secrets.Secret;
import ai.scailabs.scaivault.config.env.SecretReference;

/**
 * Every secret path the application imports, shared by all {@code scaivault:} locations through the
 * {@link org.springframework.boot.bootstrap.BootstrapRegistry}. The resolver registers the paths of
 * each location; the first load reads all paths registered so far at once: current versions with
 * one batch request per 100 paths, pinned versions ({@code ?version=N}) with one read each (the
 * batch call has no version). Later loads find their answers here.
 *
 * <p>Boot resolves every location of an import before it loads the first one, so the locations of
 * one {@code spring.config.import} share one batch. An import that appears later (in a file imported
 * by the first) gets a batch of its own. Boot resolves locations again after profiles are activated
 * but does not load them again; their paths stay pending and are only read if another load needs
 * a fetch.
 *
 * @author ScaiLabs
 */
final class ImportedSecrets {

	/** Most paths per batch request (contract section 4). */
	static final int BATCH_SIZE = 100;

	private final Set<Key> pending = new LinkedHashSet<>();

	private final Map<Key, Outcome> outcomes = new HashMap<>();

	private volatile boolean clientUsed;

	private volatile boolean handedOver;

	/**
	 * Register the paths of a resolved location, to be read with the next fetch, even if they were
	 * read before: a location resolved again (such as by a context refresh that reuses the bootstrap
	 * context) must see current values, not those of start-up.
	 * @param references the paths
	 */
	synchronized void register(List<SecretReference> references) {
		for (SecretReference reference : references) {
			this.pending.add(Key.of(reference));
		}
	}

	/**
	 * Return the outcome of reading the given path, reading every pending path first if this one
	 * is pending or has not been read yet.
	 * @param reference the path
	 * @param client supplies the client (created on first use)
	 * @param retry start-up retries, the one retry owner of these reads
	 * @return the outcome
	 */
	synchronized Outcome get(SecretReference reference, Supplier<ScaiVaultClient> client, StartupRetry retry) {
		Key key = Key.of(reference);
		if (this.pending.contains(key) || !this.outcomes.containsKey(key)) {
			this.pending.add(key);
			fetchPending(client, retry);
		}
		return this.outcomes.get(key);
	}

	/**
	 * Return whether a fetch has obtained the client, so that it must be handed over to the
	 * application context.
	 * @return {@code true} once the client was used
	 */
	boolean isClientUsed() {
		return this.clientUsed;
	}

	/**
	 * Record that the bootstrap context has closed and the client belongs to the application
	 * context from now on: a later import (a {@code ContextRefresher} re-running it) must not close
	 * it when it fails.
	 */
	void handOver() {
		this.handedOver = true;
	}

	/**
	 * Return whether the client may be closed by a failing import: it was used, and it has not been
	 * handed over to the application context.
	 * @return {@code true} while the import owns the client
	 */
	boolean ownsClient() {
		return this.clientUsed && !this.handedOver;
	}

	private void fetchPending(Supplier<ScaiVaultClient> clientSupplier, StartupRetry retry) {
		List<Key> keys = new ArrayList<>(this.pending);
		this.pending.clear();
		ScaiVaultClient client;
		try {
			client = clientSupplier.get();
			this.clientUsed = true;
		}
		catch (ScaiVaultException ex) {
			keys.forEach((key) -> this.outcomes.put(key, Outcome.failed(key, ex)));
			return;
		}
		StartupRetry.Budget budget = retry.budget();
		List<String> current = keys.stream().filter((key) -> key.version() == null).map(Key::path).toList();
		for (int start = 0; start < current.size(); start += BATCH_SIZE) {
			List<String> chunk = current.subList(start, Math.min(start + BATCH_SIZE, current.size()));
			readBatch(client, retry, budget, chunk);
		}
		keys.stream()
			.filter((key) -> key.version() != null)
			.forEach((key) -> readVersion(client, retry, budget, key));
	}

	private void readBatch(ScaiVaultClient client, StartupRetry retry, StartupRetry.Budget budget,
			List<String> paths) {
		try {
			String description = (paths.size() == 1) ? "path " + paths.get(0) : paths.size() + " paths";
			BatchResult result = retry.call(description, client, budget,
					(attempt) -> attempt.secrets().batchRead(paths));
			for (String path : paths) {
				Key key = new Key(path, null);
				Secret secret = result.secrets().get(path);
				ApiError error = result.errors().get(path);
				if (secret != null) {
					this.outcomes.put(key, new Outcome(secret, null));
				}
				else if (error != null) {
					this.outcomes.put(key, new Outcome(null, new ImportFailure(path, null, error.code(),
							error.message(), error.requestId(), 0)));
				}
				else {
					this.outcomes.put(key, new Outcome(null, new ImportFailure(path, null, "not_found",
							"The batch answer holds neither the secret nor an error", null, 0)));
				}
			}
		}
		catch (ScaiVaultException ex) {
			paths.forEach((path) -> {
				Key key = new Key(path, null);
				this.outcomes.put(key, Outcome.failed(key, ex));
			});
		}
	}

	private void readVersion(ScaiVaultClient client, StartupRetry retry, StartupRetry.Budget budget, Key key) {
		int version = key.version();
		try {
			Secret secret = retry.call("path " + key.path() + " version " + version, client, budget,
					(attempt) -> attempt.secrets().read(key.path(), version));
			this.outcomes.put(key, new Outcome(secret, null));
		}
		catch (ScaiVaultException ex) {
			this.outcomes.put(key, Outcome.failed(key, ex));
		}
	}

	/**
	 * What is read: a path and, if pinned, a version.
	 *
	 * @param path secret path
	 * @param version pinned version or {@code null}
	 */
	record Key(String path, @Nullable Integer version) {

		static Key of(SecretReference reference) {
			return new Key(reference.path(), reference.version());
		}

	}

	/**
	 * The secret that was read, or why it could not be.
	 *
	 * @param secret the secret, or {@code null}
	 * @param failure the failure, or {@code null}
	 */
	record Outcome(@Nullable Secret secret, @Nullable ImportFailure failure) {

		static Outcome failed(Key key, ScaiVaultException ex) {
			String message = (ex.getMessage() != null) ? ex.getMessage() : ex.getCode();
			return new Outcome(null, new ImportFailure(key.path(), key.version(), ex.getCode(), message,
					ex.getRequestId(), ex.getStatusCode()));
		}

	}

}
