package ai.scailabs.scaivault.devserver.dynamic;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Renewal}.
 */
class RenewalTests {

	private static final Instant ISSUED = Instant.parse("2026-11-22T13:00:00Z");

	@Test
	void leaseDurationIsTheWholeSecondsFromTheRenewalToTheExpiry() {
		Lease lease = lease(ISSUED.plus(Duration.ofHours(2)));
		assertThat(new Renewal(lease, ISSUED.plus(Duration.ofMinutes(30))).leaseDuration()).isEqualTo(5400L);
	}

	@Test
	void leaseDurationIsNeverNegative() {
		Lease lease = lease(ISSUED.plusSeconds(10));
		assertThat(new Renewal(lease, ISSUED.plusSeconds(11)).leaseDuration()).isZero();
	}

	private static Lease lease(Instant expiresAt) {
		Engine engine = new Engine("samples", DatabaseType.H2, "jdbc:h2:mem:x", "sa", "", "jdbc:h2:mem:x", ISSUED);
		Role role = new Role("samples", "readonly", List.of("CREATE USER {{name}}"), List.of("DROP USER {{name}}"),
				Duration.ofHours(1), Duration.ofHours(2), ISSUED);
		return new Lease("lease_x", 1, engine, role, "SV_X", ISSUED, ISSUED, expiresAt, ISSUED.plus(Duration.ofHours(2)),
				false);
	}

}
