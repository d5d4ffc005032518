package ai.scailabs.scaivault.boot.autoconfigure.refresh;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import ai.scailabs.scaivault.client.ApiError;
import ai.scailabs.scaivault.client.ScaiVaultClient;
import ai.scailabs.scaivault.client.ScaiVaultException;
import ai.scailabs.scaivault.client.secrets.BatchResult;
import ai.scailabs.scaivault.client.secrets.Secret;

/**
 * The polling fallback: reads every imported path with one batch request (one per
 * {@value #BATCH_SIZE} paths, the contract's limit) and applies those whose version is newer than
 * the one held. Catches what a lost webhook missed and serves applications that no webhook can
 * reach. A path that ScaiVault answers {@code not_found} is shown as deleted and keeps its values.
 *
 * @author ScaiLabs
 */
final class SecretPoller implements Runnable {

	static final int BATCH_SIZE = 100;

	private static final Log logger = LogFactory.getLog(SecretPoller.class);

	private final ScaiVaultClient client;

	private final ImportedSecretSources sources;

	private final ScaiVaultRefresher refresher;

	private final RefreshState state;

	private final RefreshMetrics metrics;

	private final Clock clock;

	SecretPoller(ScaiVaultClient client, ImportedSecretSources sources, ScaiVaultRefresher refresher,
			RefreshState state, RefreshMetrics metrics, Clock clock) {
		this.client = client;
		this.sources = sources;
		this.refresher = refresher;
		this.state = state;
		this.metrics = metrics;
		this.clock = clock;
	}

	@Override
	public void run() {
		List<String> paths = new ArrayList<>(this.sources.versions().keySet());
		for (int start = 0; start < paths.size(); start += BATCH_SIZE) {
			poll(paths.subList(start, Math.min(start + BATCH_SIZE, paths.size())));
		}
		this.state.polled(this.clock.instant());
	}

	private void poll(List<String> paths) {
		BatchResult result;
		try {
			result = this.client.secrets().batchRead(paths);
			this.metrics.pollRequest("success");
		}
		catch (ScaiVaultException ex) {
			this.metrics.pollRequest(ex.getCode());
			logger.warn("Polling ScaiVault for " + paths.size() + " paths failed (" + ex.getCode()
					+ "); the next poll tries again");
			return;
		}
		for (Secret secret : result.secrets().values()) {
			this.refresher.apply(secret, null);
		}
		for (Map.Entry<String, ApiError> error : result.errors().entrySet()) {
			if ("not_found".equals(error.getValue().code()) && this.sources.version(error.getKey()) != null) {
				this.state.deleted(error.getKey());
			}
		}
	}

}
