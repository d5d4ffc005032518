package ai.scailabs.scaivault.client.http;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import ai.scailabs.scaivault.client.RequestListener;
import ai.scailabs.scaivault.client.WireTestSupport.RecordingDelayer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Unit tests of the backoff computation in {@link Retries}.
 */
class RetriesTests {

	private final TransportSettings settings = new TransportSettings(URI.create("http://localhost"),
			Duration.ofSeconds(10), "ua", 3, Duration.ofMillis(500), 1.5, Duration.ofSeconds(2), RequestListener.NONE,
			new RecordingDelayer(), Clock.systemUTC());

	@Test
	void backoffGrowsByTheMultiplier() {
		assertThat(Retries.backoff(this.settings, 1, 0.5)).isEqualTo(500);
		assertThat(Retries.backoff(this.settings, 2, 0.5)).isEqualTo(750);
		assertThat(Retries.backoff(this.settings, 3, 0.5)).isEqualTo(1125);
	}

	@Test
	void jitterSpreadsByHalfEitherWay() {
		assertThat(Retries.backoff(this.settings, 1, 0.0)).isEqualTo(250);
		assertThat(Retries.backoff(this.settings, 1, 0.999999)).isEqualTo(749);
	}

	@Test
	void fullJitterAfterRetryAfterIsUpToTheBackoffOfTheAttempt() {
		assertThat(Retries.fullJitter(this.settings, 1, 0.0)).isZero();
		assertThat(Retries.fullJitter(this.settings, 1, 0.5)).isEqualTo(250);
		assertThat(Retries.fullJitter(this.settings, 2, 0.999999)).isEqualTo(749);
		assertThat(Retries.fullJitter(this.settings, 10, 0.999999)).isEqualTo(1999);
	}

	@Test
	void backoffIsCappedAtMaxBackoff() {
		assertThat(Retries.backoff(this.settings, 10, 0.5)).isEqualTo(2000);
	}

}
