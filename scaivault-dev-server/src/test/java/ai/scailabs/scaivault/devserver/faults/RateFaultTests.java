package ai.scailabs.scaivault.devserver.faults;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for faults above a rate ({@link Fault#aboveRate(int)}): a token bucket measured on a
 * ticker that only the test moves.
 */
class RateFaultTests {

	private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

	private final Faults faults = new Faults(this.nanos::get);

	@Test
	void aboveRateWhenBurstExceedsRateFailsOnlyTheRequestsBeyondIt() {
		this.faults.add(Fault.rateLimited(Duration.ofSeconds(1)).aboveRate(3).forPath("/v1/secrets"));
		assertThat(served(5)).isEqualTo(3);
	}

	@Test
	void aboveRateRefillsContinuouslyUpToOneSecondsWorth() {
		this.faults.add(Fault.rateLimited(Duration.ofSeconds(1)).aboveRate(10));
		assertThat(served(10)).isEqualTo(10);
		assertThat(served(1)).isZero();
		advance(Duration.ofMillis(300));
		assertThat(served(5)).isEqualTo(3);
		advance(Duration.ofSeconds(5));
		assertThat(served(20)).isEqualTo(10);
	}

	@Test
	void aboveRateLeavesOtherPathsAndDevEndpointsAlone() {
		this.faults.add(Fault.rateLimited(Duration.ofSeconds(1)).aboveRate(1).forPath("/v1/secrets"));
		assertThat(this.faults.decide("GET", "/v1/policies")).isEmpty();
		assertThat(this.faults.decide("GET", "/v1/secrets/a")).isEmpty();
		assertThat(this.faults.decide("GET", "/v1/secrets/a")).hasSize(1);
		assertThat(this.faults.decide("GET", "/_dev/faults")).isEmpty();
	}

	@Test
	void aboveRateKeepsRetryAfterMethodAndPath() {
		Fault fault = Fault.rateLimited(Duration.ofSeconds(2)).forMethod("post").forPath("/v1/secrets").aboveRate(5);
		assertThat(fault.perSecond()).isEqualTo(5);
		assertThat(fault.retryAfter()).isEqualTo(Duration.ofSeconds(2));
		assertThat(fault.method()).isEqualTo("POST");
		assertThat(fault.pathPrefix()).isEqualTo("/v1/secrets");
		assertThat(fault).hasToString("Fault[RATE_LIMITED POST /v1/secrets* above 5/s]");
	}

	@Test
	void aboveRateWhenNotPositiveOrCombinedWithRequestNumbersIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> Fault.rateLimited(Duration.ofSeconds(1)).aboveRate(0))
			.withMessageContaining("at least 1 request a second");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Fault(Fault.Kind.RATE_LIMITED, null, null, Set.of(2), 1, null, Duration.ZERO, 5))
			.withMessageContaining("do not combine");
	}

	private int served(int requests) {
		int served = 0;
		for (int i = 0; i < requests; i++) {
			if (this.faults.decide("GET", "/v1/secrets/app").isEmpty()) {
				served++;
			}
		}
		return served;
	}

	private void advance(Duration duration) {
		this.nanos.addAndGet(duration.toNanos());
	}

}
