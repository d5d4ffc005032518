package ai.scailabs.scaivault.client.pki;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A certificate issued against a role, with its private key. {@link #toString()} never shows the
 * private key.
 *
 * @param serialNumber serial number
 * @param certificatePem the certificate, PEM
 * @param privateKeyPem its private key, PEM (secret: keep it out of logs)
 * @param caChain the issuing chain, PEM, issuer first
 * @param expiresAt when the certificate expires
 */
public record IssuedCertificate(String serialNumber, String certificatePem, String privateKeyPem,
		List<String> caChain, @Nullable Instant expiresAt) {

	public IssuedCertificate {
		caChain = (caChain != null) ? List.copyOf(caChain) : List.of();
	}

	@Override
	public String toString() {
		return "IssuedCertificate[serialNumber=" + this.serialNumber + ", expiresAt=" + this.expiresAt
				+ ", caChain=" + this.caChain.size() + " certificate(s), privateKeyPem=(redacted)]";
	}

}
