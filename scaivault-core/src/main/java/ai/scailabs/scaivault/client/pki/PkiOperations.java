package ai.scailabs.scaivault.client.pki;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import ai.scailabs.scaivault.client.http.Blocking;

/**
 * PKI: certificate authorities, roles, issue, CSRs, revoke, validate, blocking: the same methods
 * as {@link AsyncPkiOperations}, waiting for the answer.
 */
public final class PkiOperations {

	private final AsyncPkiOperations async;

	public PkiOperations(AsyncPkiOperations async) {
		this.async = async;
	}

	/**
	 * Create a certificate authority.
	 * @param request what it should look like
	 * @return the created CA
	 */
	public CertificateAuthority createCa(CreateCaRequest request) {
		return Blocking.join(this.async.createCa(request));
	}

	/**
	 * Get a certificate authority with its certificate and chain.
	 * @param caId the CA id
	 * @return the CA
	 */
	public CertificateAuthority getCa(String caId) {
		return Blocking.join(this.async.getCa(caId));
	}

	/**
	 * Get the current revocation list of a certificate authority.
	 * @param caId the CA id
	 * @return the CRL
	 */
	public CertificateRevocationList getCrl(String caId) {
		return Blocking.join(this.async.getCrl(caId));
	}

	/**
	 * Create a role to issue certificates against.
	 * @param request what the role may issue
	 * @return the created role
	 */
	public PkiRole createRole(CreateRoleRequest request) {
		return Blocking.join(this.async.createRole(request));
	}

	/**
	 * Issue a certificate and its private key against a role.
	 * @param role the PKI role name
	 * @param commonName subject common name
	 * @param altNames DNS subject alternative names
	 * @param ipSans IP subject alternative names
	 * @param ttl requested lifetime, or {@code null} for the role's default
	 * @return the certificate with its key
	 */
	public IssuedCertificate issue(String role, String commonName, List<String> altNames, List<String> ipSans,
			@Nullable Duration ttl) {
		return Blocking.join(this.async.issue(role, commonName, altNames, ipSans, ttl));
	}

	/**
	 * Issue a certificate and its private key against a role.
	 * @param request the certificate to issue
	 * @return the certificate with its key
	 */
	public IssuedCertificate issue(IssueRequest request) {
		return Blocking.join(this.async.issue(request));
	}

	/**
	 * Generate a key pair and a CSR in the vault; the private key never leaves it.
	 * @param subject the CSR's subject
	 * @param sanDns DNS subject alternative names
	 * @param keyType key algorithm, or {@code null} for the default
	 * @param keySize key size in bits, or {@code null} for the default
	 * @return the CSR
	 */
	public CertificateSigningRequest generateCsr(CsrSubject subject, List<String> sanDns, @Nullable KeyType keyType,
			@Nullable Integer keySize) {
		return Blocking.join(this.async.generateCsr(subject, sanDns, keyType, keySize));
	}

	/**
	 * Import an external CSR; it waits for approval.
	 * @param csrPem the CSR, PEM
	 * @return the CSR, {@code pending}
	 */
	public CertificateSigningRequest importCsr(String csrPem) {
		return Blocking.join(this.async.importCsr(csrPem));
	}

	/**
	 * Approve a CSR for signing.
	 * @param csrId the CSR id
	 * @return the CSR, {@code approved}
	 */
	public CertificateSigningRequest approveCsr(String csrId) {
		return Blocking.join(this.async.approveCsr(csrId));
	}

	/**
	 * Sign an approved CSR with a certificate authority.
	 * @param csrId the CSR id
	 * @param caId the signing CA
	 * @param validityDays lifetime in days, or {@code null} for the default
	 * @return the signed certificate
	 */
	public SignedCertificate signCsrById(String csrId, String caId, @Nullable Integer validityDays) {
		return Blocking.join(this.async.signCsrById(csrId, caId, validityDays));
	}

	/**
	 * Revoke a certificate; it appears on its CA's next CRL.
	 * @param serialNumber the certificate's serial number
	 * @param reason why, such as {@code key_compromise}, or {@code null}
	 */
	public void revoke(String serialNumber, @Nullable String reason) {
		Blocking.join(this.async.revoke(serialNumber, reason));
	}

	/**
	 * Validate a certificate against a chain.
	 * @param certificatePem the certificate, PEM
	 * @param chainPem the chain, PEM, or {@code null} for the vault's CAs
	 * @param checkRevocation whether to check the CAs' revocation lists
	 * @return the outcome
	 */
	public ValidationResult validateCertificate(String certificatePem, @Nullable String chainPem,
			boolean checkRevocation) {
		return Blocking.join(this.async.validateCertificate(certificatePem, chainPem, checkRevocation));
	}

}
