package ai.scailabs.scaivault.client.pki;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The current certificate revocation list of a certificate authority.
 *
 * @param crlPem the CRL, PEM ({@code -----BEGIN X509 CRL-----})
 * @param thisUpdate when it was issued
 * @param nextUpdate when the next one is due
 */
public record CertificateRevocationList(String crlPem, @Nullable Instant thisUpdate, @Nullable Instant nextUpdate) {

	@Override
	public String toString() {
		return "CertificateRevocationList[thisUpdate=" + this.thisUpdate + ", nextUpdate=" + this.nextUpdate + "]";
	}

}
