package ai.scailabs.scaivault.boot.autoconfigure.ssl;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import ai.scailabs.scaivault.client.NotFoundException;
import ai.scailabs.scaivault.client.ScaiVaultClient;
import ai.scailabs.scaivault.client.ScaiVaultException;
import ai.scailabs.scaivault.client.ValidationException;
import ai.scailabs.scaivault.client.pki.IssueRequest;
import ai.scailabs.scaivault.client.pki.IssuedCertificate;
import org.jspecify.annotations.Nullable;

/**
 * Issues a bundle's certificate from a ScaiVault PKI role.
 */
final class PkiCertificateIssuer implements CertificateIssuer {

	private final String bundle;

	private final IssueRequest request;

	private final Supplier<ScaiVaultClient> client;

	PkiCertificateIssuer(String bundle, String role, String commonName, List<String> altNames, List<String> ipSans,
			@Nullable Duration ttl, Supplier<ScaiVaultClient> client) {
		this.bundle = bundle;
		this.request = new IssueRequest(role, commonName, altNames, ipSans, ttl);
		this.client = client;
	}

	@Override
	public CertificateMaterial issue() {
		IssuedCertificate issued;
		try {
			issued = this.client.get().pki().issue(this.request);
		}
		catch (NotFoundException ex) {
			throw ScaiVaultSslException.issueFailed(this.bundle,
					"SSL bundle '" + this.bundle + "': ScaiVault has no PKI role '" + this.request.role() + "' ("
							+ ex.getMessage() + ")",
					"Create the role in ScaiVault, or set scaivault.ssl.bundle." + this.bundle
							+ ".pki.role to an existing role.",
					ex);
		}
		catch (ValidationException ex) {
			throw ScaiVaultSslException.issueFailed(this.bundle,
					"SSL bundle '" + this.bundle + "': PKI role '" + this.request.role()
							+ "' refused the certificate: " + ex.getMessage(),
					"Change scaivault.ssl.bundle." + this.bundle + ".pki.common-name, .alt-names, .ip-sans or .ttl"
							+ " to what the role allows, or widen the role.",
					ex);
		}
		catch (ScaiVaultException ex) {
			throw ScaiVaultSslException.issueFailed(this.bundle, "SSL bundle '" + this.bundle
					+ "': issuing from PKI role '" + this.request.role() + "' failed: " + ex.getMessage(),
					"Check that ScaiVault is reachable and that the application's identity may issue from the role"
							+ " (error code " + ex.getCode() + ").",
					ex);
		}
		return CertificateMaterial.parse(issued.serialNumber(), issued.certificatePem(), issued.privateKeyPem(),
				issued.caChain());
	}

	@Override
	public boolean isRevoked(CertificateMaterial material) {
		return !this.client.get().pki().validateCertificate(material.certificatePem(), material.chainPem(), true).valid();
	}

	@Override
	public String toString() {
		return "PKI role '" + this.request.role() + "' (" + this.request.commonName() + ")";
	}

}
