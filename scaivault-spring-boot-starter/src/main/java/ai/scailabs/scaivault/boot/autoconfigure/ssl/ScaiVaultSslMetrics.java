package ai.scailabs.scaivault.boot.autoconfigure.ssl;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * A gauge per ScaiVault SSL bundle: {@value #EXPIRY}, the time until its current certificate
 * expires, tagged with the bundle name.
 */
public class ScaiVaultSslMetrics implements MeterBinder {

	/** Name of the gauge. */
	public static final String EXPIRY = "scaivault.ssl.certificate.expiry";

	private final Map<String, ScaiVaultSslBundle> bundles;

	private final Clock clock;

	ScaiVaultSslMetrics(Map<String, ScaiVaultSslBundle> bundles, Clock clock) {
		this.bundles = Map.copyOf(bundles);
		this.clock = clock;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.bundles.forEach((name, bundle) -> TimeGauge
			.builder(EXPIRY, bundle, TimeUnit.SECONDS, this::secondsToExpiry)
			.tag("bundle", name)
			.description("Time until the SSL bundle's current certificate expires")
			.register(registry));
	}

	private double secondsToExpiry(ScaiVaultSslBundle bundle) {
		CertificateMaterial material = bundle.peek();
		if (material == null) {
			return Double.NaN;
		}
		return Duration.between(this.clock.instant(), material.notAfter()).toMillis() / 1000.0;
	}

}
