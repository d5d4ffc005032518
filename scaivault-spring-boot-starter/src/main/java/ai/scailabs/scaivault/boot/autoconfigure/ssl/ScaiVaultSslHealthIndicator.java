package ai.scailabs.scaivault.boot.autoconfigure.ssl;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Health of the ScaiVault SSL bundles, with each bundle's serial number and expiry. {@code DOWN}
 * only when a certificate is near expiry: less than half of its renewal window is left (renewals
 * have been failing for a while), or it has expired. A failed renewal alone keeps it {@code UP}.
 */
public class ScaiVaultSslHealthIndicator extends AbstractHealthIndicator {

	private final Map<String, ScaiVaultSslBundle> bundles;

	private final Clock clock;

	ScaiVaultSslHealthIndicator(Map<String, ScaiVaultSslBundle> bundles, Clock clock) {
		super("ScaiVault SSL bundle health check failed");
		this.bundles = Map.copyOf(bundles);
		this.clock = clock;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		Instant now = this.clock.instant();
		boolean up = true;
		for (ScaiVaultSslBundle bundle : this.bundles.values()) {
			CertificateMaterial material = bundle.peek();
			Map<String, Object> details = new LinkedHashMap<>();
			if (material == null) {
				details.put("status", "NOT_ISSUED");
			}
			else {
				Duration left = Duration.between(now, material.notAfter());
				boolean nearExpiry = left.compareTo(bundle.renewalWindow(material).dividedBy(2)) < 0;
				up &= !nearExpiry;
				details.put("status", nearExpiry ? "NEAR_EXPIRY" : "VALID");
				details.put("serialNumber", material.serialNumber());
				details.put("notAfter", material.notAfter().toString());
				details.put("renewAt", bundle.renewAt(material).toString());
			}
			builder.withDetail(bundle.getName(), details);
		}
		if (up) {
			builder.up();
		}
		else {
			builder.down();
		}
	}

}
