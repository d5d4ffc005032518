package ai.scailabs.scaivault.client.pki;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A certificate authority of the vault. Its private key never leaves the vault.
 *
 * @param id CA id, such as {@code ca_...}
 * @param name unique name
 * @param commonName subject common name
 * @param caType root or intermediate
 * @param parentCaId the signing CA of an intermediate
 * @param keyType key algorithm
 * @param keySize key size in bits
 * @param certificatePem the CA certificate, PEM
 * @param caChain the chain above it, PEM, nearest first (empty for a root)
 * @param serialNumber serial number of the CA certificate
 * @param expiresAt when the CA certificate expires
 * @param createdAt when the CA was created
 */
public record CertificateAuthority(String id, @Nullable String name, @Nullable String commonName,
		@Nullable CaType caType, @Nullable String parentCaId, @Nullable KeyType keyType, @Nullable Integer keySize,
		@Nullable String certificatePem, List<String> caChain, @Nullable String serialNumber,
		@Nullable Instant expiresAt, @Nullable Instant createdAt) {

	public CertificateAuthority {
		caChain = (caChain != null) ? List.copyOf(caChain) : List.of();
	}

	@Override
	public String toString() {
		return "CertificateAuthority[id=" + this.id + ", name=" + this.name + ", commonName=" + this.commonName
				+ ", caType=" + this.caType + ", serialNumber=" + this.serialNumber + ", expiresAt=" + this.expiresAt
				+ "]";
	}

}
