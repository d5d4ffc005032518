package ai.scailabs.scaivault.client.pki;

import org.jspecify.annotations.Nullable;

/**
 * A certificate signing request held by the vault (generated in it, or imported).
 *
 * @param id CSR id, such as {@code csr_...}
 * @param csrPem the request, PEM, or {@code null} when the answer leaves it out
 * @param status state, such as {@code pending}, {@code approved} or {@code signed}
 */
public record CertificateSigningRequest(String id, @Nullable String csrPem, @Nullable String status) {

	@Override
	public String toString() {
		return "CertificateSigningRequest[id=" + this.id + ", status=" + this.status + "]";
	}

}
