package ai.scailabs.scaivault.boot.autoconfigure.ssl;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundleKey;
import org.springframework.boot.ssl.SslManagerBundle;
import org.springframework.boot.ssl.SslOptions;
import org.springframework.boot.ssl.SslStoreBundle;
import org.springframework.context.ApplicationEventPublisher;

/**
 * An {@link SslBundle} whose certificate ScaiVault issues: at start-up, as the bundle is registered
 * (on first use, if the client could not issue yet), and again on each {@link #renew() renewal}. Its stores and key are those of
 * the current certificate; its managers always serve the current certificate, whoever holds them.
 * The private key lives in memory only.
 */
public final class ScaiVaultSslBundle implements SslBundle {

	private final String name;

	private final CertificateIssuer issuer;

	private final @Nullable Duration renewBefore;

	private final ApplicationEventPublisher events;

	private final ReloadingSslManagerBundle managers = new ReloadingSslManagerBundle();

	private volatile @Nullable Current current;

	ScaiVaultSslBundle(String name, CertificateIssuer issuer, @Nullable Duration renewBefore,
			ApplicationEventPublisher events) {
		this.name = name;
		this.issuer = issuer;
		this.renewBefore = renewBefore;
		this.events = events;
	}

	/**
	 * Return the bundle's name.
	 * @return the name
	 */
	public String getName() {
		return this.name;
	}

	/**
	 * Return the serial number of the current certificate, issuing the first one if needed.
	 * @return the serial number
	 */
	public String getSerialNumber() {
		return current().material().serialNumber();
	}

	/**
	 * Return when the current certificate expires, issuing the first one if needed.
	 * @return its expiry
	 */
	public Instant getExpiresAt() {
		return current().material().notAfter();
	}

	/**
	 * Return the current certificate without issuing one.
	 * @return the certificate, or {@code null} before the first issue
	 */
	@Nullable CertificateMaterial peek() {
		Current now = this.current;
		return (now != null) ? now.material() : null;
	}

	CertificateIssuer issuer() {
		return this.issuer;
	}

	/**
	 * Return when the given certificate should be renewed: {@code renew-before} ahead of its expiry,
	 * or at two thirds of its lifetime.
	 * @param material a certificate of this bundle
	 * @return when to renew it
	 */
	Instant renewAt(CertificateMaterial material) {
		if (this.renewBefore == null) {
			return material.notBefore().plus(material.lifetime().multipliedBy(2).dividedBy(3));
		}
		return material.notAfter().minus(this.renewBefore);
	}

	/**
	 * Return how long before expiry the certificate is renewed.
	 * @param material a certificate of this bundle
	 * @return the renewal window
	 */
	Duration renewalWindow(CertificateMaterial material) {
		return Duration.between(renewAt(material), material.notAfter());
	}

	/**
	 * Issue the first certificate unless there is one.
	 * @return the current certificate
	 */
	CertificateMaterial issueIfNeeded() {
		return current().material();
	}

	private Current current() {
		Current now = this.current;
		if (now != null) {
			return now;
		}
		synchronized (this) {
			if (this.current == null) {
				CertificateMaterial material = issueChecked();
				install(material);
				this.events.publishEvent(new CertificateIssuedEvent(this.name, material.serialNumber(),
						material.notBefore(), material.notAfter()));
			}
			return this.current;
		}
	}

	/**
	 * Issue a new certificate and serve it from now on through the managers; the caller tells the
	 * servers with {@code SslBundleRegistry.updateBundle}. On failure the current certificate stays.
	 * @return the new certificate
	 */
	synchronized CertificateMaterial renew() {
		current();
		CertificateMaterial material = issueChecked();
		install(material);
		return material;
	}

	private CertificateMaterial issueChecked() {
		CertificateMaterial material = this.issuer.issue();
		if (this.renewBefore != null && this.renewBefore.compareTo(material.lifetime()) >= 0) {
			throw ScaiVaultSslException.invalid(this.name,
					"SSL bundle '" + this.name + "': renew-before (" + this.renewBefore
							+ ") is not shorter than the certificate's lifetime (" + material.lifetime() + ")",
					"Lower scaivault.ssl.bundle." + this.name + ".renew-before, or raise the lifetime"
							+ " (scaivault.ssl.bundle." + this.name + ".pki.ttl or the role's max TTL).");
		}
		return material;
	}

	private void install(CertificateMaterial material) {
		SslStoreBundle stores = material.stores();
		this.managers.reload(material, stores);
		this.current = new Current(material, stores);
	}

	@Override
	public SslStoreBundle getStores() {
		return current().stores();
	}

	@Override
	public SslBundleKey getKey() {
		return current().material().key();
	}

	@Override
	public SslOptions getOptions() {
		return SslOptions.NONE;
	}

	@Override
	public String getProtocol() {
		return DEFAULT_PROTOCOL;
	}

	@Override
	public SslManagerBundle getManagers() {
		current();
		return this.managers;
	}

	@Override
	public String toString() {
		CertificateMaterial material = peek();
		return "ScaiVaultSslBundle[name=" + this.name + ", issuer=" + this.issuer + ", serialNumber="
				+ ((material != null) ? material.serialNumber() : null) + ", expiresAt="
				+ ((material != null) ? material.notAfter() : null) + "]";
	}

	/**
	 * The current certificate with its stores, swapped as one.
	 *
	 * @param material the certificate
	 * @param stores its key and trust stores
	 */
	private record Current(CertificateMaterial material, SslStoreBundle stores) {

	}

}
