package ai.scailabs.scaivault.boot.autoconfigure.ssl;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.ssl.SslBundleKey;
import org.springframework.boot.ssl.SslStoreBundle;
import org.springframework.boot.ssl.pem.PemContent;
import org.springframework.boot.ssl.pem.PemSslStore;
import org.springframework.boot.ssl.pem.PemSslStoreBundle;

/**
 * One issued certificate of a bundle, parsed, in memory only. {@link #toString()} shows the serial
 * number and dates, never the key.
 *
 * @param serialNumber the serial number as ScaiVault wrote it
 * @param certificatePem the certificate, PEM (public)
 * @param chainPem the issuing chain, PEM, issuer first (public)
 * @param chain the certificate followed by its issuing chain
 * @param privateKey the certificate's private key
 * @param trust the CA certificates the bundle trusts: the issuing chain
 */
record CertificateMaterial(String serialNumber, String certificatePem, String chainPem, List<X509Certificate> chain,
		PrivateKey privateKey, List<X509Certificate> trust) {

	CertificateMaterial {
		chain = List.copyOf(chain);
		trust = List.copyOf(trust);
	}

	/**
	 * Parse an issued certificate.
	 * @param serialNumber its serial number, or {@code null} to read it from the certificate
	 * @param certificatePem the certificate, PEM
	 * @param privateKeyPem its private key, PEM
	 * @param caChain the issuing chain, PEM, issuer first
	 * @return the parsed material
	 * @throws IllegalStateException when a PEM block cannot be read (never quoting it)
	 */
	static CertificateMaterial parse(@Nullable String serialNumber, String certificatePem, String privateKeyPem,
			List<String> caChain) {
		List<X509Certificate> issuers = new ArrayList<>();
		for (String pem : caChain) {
			issuers.addAll(PemContent.of(pem).getCertificates());
		}
		List<X509Certificate> chain = new ArrayList<>(PemContent.of(certificatePem).getCertificates());
		if (chain.isEmpty()) {
			throw new IllegalStateException("The issued certificate " + serialNumber + " holds no PEM certificate");
		}
		String serial = (serialNumber != null) ? serialNumber
				: chain.get(0).getSerialNumber().toString(16).toLowerCase(Locale.ROOT);
		PrivateKey key = PemContent.of(privateKeyPem).getPrivateKey();
		if (key == null) {
			throw new IllegalStateException("The private key of certificate " + serial + " is not PEM");
		}
		chain.addAll(issuers);
		List<X509Certificate> trust = issuers.isEmpty() ? List.of(chain.get(0)) : issuers;
		return new CertificateMaterial(serial, certificatePem, String.join("\n", caChain), chain, key,
				trust);
	}

	/**
	 * Return the certificate itself.
	 * @return the leaf certificate
	 */
	X509Certificate certificate() {
		return this.chain.get(0);
	}

	Instant notBefore() {
		return certificate().getNotBefore().toInstant();
	}

	Instant notAfter() {
		return certificate().getNotAfter().toInstant();
	}

	Duration lifetime() {
		return Duration.between(notBefore(), notAfter());
	}

	/**
	 * Return the key store alias of this certificate, unique per certificate, so a handshake that
	 * chose an alias just before a renewal still finds the matching key.
	 * @return the alias
	 */
	String alias() {
		return "scaivault-" + certificate().getSerialNumber().toString(16).toLowerCase(Locale.ROOT);
	}

	SslBundleKey key() {
		return SslBundleKey.of(null, alias());
	}

	/**
	 * Return in-memory key and trust stores of this certificate.
	 * @return the stores
	 */
	SslStoreBundle stores() {
		return new PemSslStoreBundle(PemSslStore.of(null, alias(), null, this.chain, this.privateKey),
				PemSslStore.of(null, "scaivault-ca", null, this.trust, null));
	}

	/**
	 * Return whether a serial number, as an event or a user writes it, names this certificate.
	 * @param serial a serial number, hexadecimal, with or without colons
	 * @return whether it is this certificate's
	 */
	boolean hasSerialNumber(String serial) {
		return normalize(serial).equals(normalize(this.serialNumber));
	}

	private static String normalize(String serial) {
		String hex = serial.replace(":", "").replace("-", "").trim().toLowerCase(Locale.ROOT);
		int start = 0;
		while (start < hex.length() - 1 && hex.charAt(start) == '0') {
			start++;
		}
		return hex.substring(start);
	}

	@Override
	public String toString() {
		return "CertificateMaterial[serialNumber=" + this.serialNumber + ", notBefore=" + notBefore() + ", notAfter="
				+ notAfter() + ", privateKey=(redacted)]";
	}

}
