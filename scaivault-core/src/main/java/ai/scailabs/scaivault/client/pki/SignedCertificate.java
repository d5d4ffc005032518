package ai.scailabs.scaivault.client.pki;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A certificate signed from a CSR. Its private key stays where the CSR was made.
 *
 * @param serialNumber serial number
 * @param certificatePem the certificate, PEM
 * @param caChain the issuing chain, PEM, issuer first
 * @param expiresAt when the certificate expires
 */
public record SignedCertificate(String serialNumber, String certificatePem, List<String> caChain,
		@Nullable Instant expiresAt) {

	public SignedCertificate {
		caChain = (caChain != null) ? List.copyOf(caChain) : List.of();
	}

	@Override
	public String toString() {
		return "SignedCertificate[serialNumber=" + this.serialNumber + ", expiresAt=" + this.expiresAt
				+ ", caChain=" + this.caChain.size() + " certificate(s)]";
	}

}
