package ai.scailabs.scaivault.boot.autoconfigure.refresh;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import ai.scailabs.scaivault.client.ScaiVaultClient;
import ai.scailabs.scaivault.client.ScaiVaultException;
import ai.scailabs.scaivault.client.secrets.Secret;

/**
 * The targeted update: re-reads one imported path, never moves back to an older version than the
 * one held (events can arrive late or out of order), swaps that path's values atomically and has
 * the beans rebound (see {@link RefreshPublisher}). Webhooks and the poller both come through here,
 * one at a time.
 *
 * @author ScaiLabs
 */
public class ScaiVaultRefresher {

	private static final Log logger = LogFactory.getLog(ScaiVaultRefresher.class);

	private final ScaiVaultClient client;

	private final ImportedSecretSources sources;

	private final RefreshPublisher publisher;

	private final RefreshState state;

	private final RefreshMetrics metrics;

	private final Clock clock;

	ScaiVaultRefresher(ScaiVaultClient client, ImportedSecretSources sources, RefreshPublisher publisher,
			RefreshState state, RefreshMetrics metrics, Clock clock) {
		this.client = client;
		this.sources = sources;
		this.publisher = publisher;
		this.state = state;
		this.metrics = metrics;
		this.clock = clock;
	}

	/**
	 * Re-read an imported path and apply it if ScaiVault holds a newer version.
	 * @param path the secret path
	 * @return {@code true} if new values were applied
	 */
	public boolean refresh(String path) {
		return refresh(path, null, null) == RefreshOutcome.APPLIED;
	}

	/**
	 * Re-read an imported path, unless the held version is already the announced one or newer (as
	 * when another replica announces a change over the bus).
	 * @param path the secret path
	 * @param announcedVersion the version announced
	 * @return {@code true} if new values were applied
	 */
	public boolean refresh(String path, int announcedVersion) {
		return refresh(path, announcedVersion, null) == RefreshOutcome.APPLIED;
	}

	/**
	 * Re-read an imported path, unless the held version is already the announced one or newer.
	 * @param path the secret path
	 * @param announcedVersion the version an event announced, or {@code null}
	 * @param occurredAt when the change happened in ScaiVault, for the latency metric, or {@code null}
	 * @return the outcome
	 */
	RefreshOutcome refresh(String path, @Nullable Integer announcedVersion, @Nullable Instant occurredAt) {
		if (!this.sources.isImported(path)) {
			return RefreshOutcome.IGNORED;
		}
		Integer held = this.sources.version(path);
		if (announcedVersion != null && held != null && announcedVersion <= held) {
			return RefreshOutcome.STALE;
		}
		Secret secret;
		try {
			secret = this.client.secrets().read(path);
		}
		catch (ScaiVaultException ex) {
			logger.warn("Could not re-read ScaiVault path " + path + " (" + ex.getCode()
					+ "); its properties keep version " + held);
			return RefreshOutcome.FAILED;
		}
		return apply(secret, occurredAt);
	}

	/**
	 * Apply a secret already read (by the poller), if it is newer than the one held.
	 * @param secret the secret
	 * @param occurredAt when it changed in ScaiVault, or {@code null} when unknown
	 * @return the outcome
	 */
	synchronized RefreshOutcome apply(Secret secret, @Nullable Instant occurredAt) {
		String path = secret.path();
		Integer held = this.sources.version(path);
		if (held != null && secret.version() <= held) {
			return RefreshOutcome.STALE;
		}
		Set<String> changed = this.sources.apply(secret);
		this.state.present(path);
		this.publisher.changed(path, held, secret.version(), changed);
		if (occurredAt != null) {
			this.metrics.applied(Duration.between(occurredAt, this.clock.instant()));
		}
		logger.info("ScaiVault path " + path + " moved from version " + held + " to " + secret.version() + ": "
				+ changed.size() + " properties changed " + changed);
		return RefreshOutcome.APPLIED;
	}

}
