package ai.scailabs.scaivault.devserver.pki;

import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * A certificate the dev server signed, with the chain of its issuing CA and, when the server
 * generated the key, the private key. {@link #toString()} never shows the key.
 *
 * @param certificate the certificate
 * @param privateKey its private key, or {@code null} when the caller holds the key
 * @param caChain the issuing CA's certificate followed by its parents' up to the root
 * @param caId the id of the issuing CA
 */
public record IssuedCertificate(X509Certificate certificate, @Nullable PrivateKey privateKey,
		List<X509Certificate> caChain, String caId) {

	public IssuedCertificate {
		caChain = List.copyOf(caChain);
	}

	/** @return the serial number as lowercase hex without separators */
	public String serialNumber() {
		return serialNumber(this.certificate.getSerialNumber());
	}

	/** @return the end of validity */
	public Instant expiresAt() {
		return this.certificate.getNotAfter().toInstant();
	}

	/** @return the certificate's PEM text */
	public String certificatePem() {
		return Pem.certificate(this.certificate);
	}

	/** @return the private key's PKCS#8 PEM text, or {@code null} */
	public @Nullable String privateKeyPem() {
		return (this.privateKey != null) ? Pem.privateKey(this.privateKey) : null;
	}

	/** @return the PEM text of each certificate of {@link #caChain()} */
	public List<String> caChainPem() {
		return this.caChain.stream().map(Pem::certificate).toList();
	}

	/**
	 * @param serial a serial number
	 * @return it as lowercase hex without separators
	 */
	public static String serialNumber(BigInteger serial) {
		return serial.toString(16);
	}

	/**
	 * Read a serial number written as hex, with or without {@code :} separators, any case.
	 * @param text the serial number text
	 * @return the serial number, or {@code null} if the text is not hex
	 */
	public static @Nullable BigInteger parseSerialNumber(String text) {
		String hex = text.replace(":", "").replace("-", "").toLowerCase(Locale.ROOT);
		if (hex.isEmpty() || hex.length() > 64 || !hex.chars().allMatch(HexFormat::isHexDigit)) {
			return null;
		}
		return new BigInteger(hex, 16);
	}

	@Override
	public String toString() {
		return "IssuedCertificate[serial=" + serialNumber() + ", subject="
				+ this.certificate.getSubjectX500Principal().getName() + ", caId=" + this.caId + "]";
	}

}
