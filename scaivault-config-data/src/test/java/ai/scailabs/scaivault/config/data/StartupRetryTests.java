package ai.scailabs.scaivault.config.data;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;

import ai.scailabs.scaivault.client.AccessDeniedException;
import ai.scailabs.scaivault.client.ScaiVaultException;
import ai.scailabs.scaivault.config.ScaiVaultProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link StartupRetry}.
 */
class StartupRetryTests {

	private final List<Duration> sleeps = new ArrayList<>();

	private final ScaiVaultProperties.ImportRetry settings = new ScaiVaultProperties.ImportRetry();

	@Test
	void callWhenUnavailableRetriesWithGrowingCappedDelays() {
		this.settings.setMaxAttempts(5);
		this.settings.setInitialInterval(Duration.ofSeconds(1));
		this.settings.setMultiplier(2);
		this.settings.setMaxInterval(Duration.ofSeconds(3));
		AtomicInteger calls = new AtomicInteger();
		String result = retry().call("path a", () -> {
			if (calls.incrementAndGet() < 5) {
				throw unavailable();
			}
			return "ok";
		});
		assertThat(result).isEqualTo("ok");
		assertThat(this.sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3),
				Duration.ofSeconds(3));
	}

	@Test
	void callWhenAttemptsAreExhaustedThrowsLastFailure() {
		this.settings.setMaxAttempts(2);
		assertThatExceptionOfType(ScaiVaultException.class).isThrownBy(() -> retry().call("path a", () -> {
			throw unavailable();
		})).satisfies((ex) -> assertThat(ex.getCode()).isEqualTo("service_unavailable"));
		assertThat(this.sleeps).hasSize(1);
	}

	@Test
	void callWhenDeniedDoesNotRetry() {
		assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> retry().call("path a", () -> {
			throw new AccessDeniedException("access_denied", "denied", Map.of(), "req_1", 403);
		}));
		assertThat(this.sleeps).isEmpty();
	}

	private StartupRetry retry() {
		return new StartupRetry(this.settings, this.sleeps::add, LogFactory.getLog(getClass()));
	}

	private static ScaiVaultException unavailable() {
		return new ScaiVaultException("service_unavailable", "unavailable", Map.of(), "req_1", 503);
	}

}
