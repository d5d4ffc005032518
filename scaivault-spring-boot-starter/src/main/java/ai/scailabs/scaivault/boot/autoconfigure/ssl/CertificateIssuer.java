package ai.scailabs.scaivault.boot.autoconfigure.ssl;

/**
 * Issues a new certificate for a bundle: from a PKI role or from an ACME order.
 */
interface CertificateIssuer {

	/**
	 * Issue a new certificate with a new key.
	 * @return the certificate
	 * @throws ScaiVaultSslException when ScaiVault refuses or fails, saying what to do
	 */
	CertificateMaterial issue();

	/**
	 * Return whether ScaiVault has revoked the given certificate.
	 * @param material a certificate this issuer issued
	 * @return whether it is revoked; {@code false} when this issuer cannot tell
	 */
	default boolean isRevoked(CertificateMaterial material) {
		return false;
	}

}
