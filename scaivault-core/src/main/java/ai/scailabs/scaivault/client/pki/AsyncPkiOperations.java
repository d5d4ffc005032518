package ai.scailabs.scaivault.client.pki;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import ai.scailabs.scaivault.client.http.ApiRequest;
import ai.scailabs.scaivault.client.http.ApiTransport;
import ai.scailabs.scaivault.client.http.Durations;
import ai.scailabs.scaivault.client.http.Endpoints;
import ai.scailabs.scaivault.client.http.Futures;

/**
 * PKI: certificate authorities, roles, issue, CSRs, revoke, validate, asynchronously: every
 * method returns a {@code CompletableFuture}.
 */
public final class AsyncPkiOperations {

	private final ApiTransport transport;

	public AsyncPkiOperations(ApiTransport transport) {
		this.transport = transport;
	}

	/**
	 * Create a certificate authority.
	 * @param request what it should look like
	 * @return the created CA
	 */
	public CompletableFuture<CertificateAuthority> createCa(CreateCaRequest request) {
		return Futures.checked(() -> this.transport.send(ApiRequest.post("pki.create_ca", Endpoints.pkiCas(), request),
				CertificateAuthority.class));
	}

	/**
	 * Get a certificate authority with its certificate and chain.
	 * @param caId the CA id
	 * @return the CA
	 */
	public CompletableFuture<CertificateAuthority> getCa(String caId) {
		return Futures.checked(() -> this.transport.send(ApiRequest.get("pki.get_ca", Endpoints.pkiCa(caId)),
				CertificateAuthority.class));
	}

	/**
	 * Get the current revocation list of a certificate authority.
	 * @param caId the CA id
	 * @return the CRL
	 */
	public CompletableFuture<CertificateRevocationList> getCrl(String caId) {
		return Futures.checked(() -> this.transport.send(ApiRequest.get("pki.get_crl", Endpoints.pkiCaCrl(caId)),
				CertificateRevocationList.class));
	}

	/**
	 * Create a role to issue certificates against.
	 * @param request what the role may issue
	 * @return the created role
	 */
	public CompletableFuture<PkiRole> createRole(CreateRoleRequest request) {
		return Futures.checked(() -> {
			RoleBody body = new RoleBody(request.name(), request.caId(), request.allowedDomains(),
					request.allowSubdomains(), request.allowIpSans(), request.serverAuth(), request.clientAuth(),
					format(request.maxTtl()), request.keyType(), request.keySize());
			return this.transport.send(ApiRequest.post("pki.create_role", Endpoints.pkiRoles(), body), PkiRole.class);
		});
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
	public CompletableFuture<IssuedCertificate> issue(String role, String commonName, List<String> altNames,
			List<String> ipSans, @Nullable Duration ttl) {
		return Futures.checked(() -> issue(new IssueRequest(role, commonName, altNames, ipSans, ttl)));
	}

	/**
	 * Issue a certificate and its private key against a role.
	 * @param request the certificate to issue
	 * @return the certificate with its key
	 */
	public CompletableFuture<IssuedCertificate> issue(IssueRequest request) {
		return Futures.checked(() -> {
			IssueBody body = new IssueBody(request.role(), request.commonName(), orNull(request.altNames()),
					orNull(request.ipSans()), format(request.ttl()));
			return this.transport.send(ApiRequest.post("pki.issue", Endpoints.pkiIssue(), body),
					IssuedCertificate.class);
		});
	}

	/**
	 * Generate a key pair and a CSR in the vault; the private key never leaves it.
	 * @param subject the CSR's subject
	 * @param sanDns DNS subject alternative names
	 * @param keyType key algorithm, or {@code null} for the default
	 * @param keySize key size in bits, or {@code null} for the default
	 * @return the CSR
	 */
	public CompletableFuture<CertificateSigningRequest> generateCsr(CsrSubject subject, List<String> sanDns,
			@Nullable KeyType keyType, @Nullable Integer keySize) {
		return Futures.checked(() -> {
			GenerateCsrBody body = new GenerateCsrBody(subject, orNull(sanDns), keyType, keySize);
			return this.transport.send(ApiRequest.post("pki.generate_csr", Endpoints.pkiCsrGenerate(), body),
					CertificateSigningRequest.class);
		});
	}

	/**
	 * Import an external CSR; it waits for approval.
	 * @param csrPem the CSR, PEM
	 * @return the CSR, {@code pending}
	 */
	public CompletableFuture<CertificateSigningRequest> importCsr(String csrPem) {
		return Futures.checked(() -> this.transport.send(
				ApiRequest.post("pki.import_csr", Endpoints.pkiCsrImport(), new ImportCsrBody(csrPem)),
				CertificateSigningRequest.class));
	}

	/**
	 * Approve a CSR for signing.
	 * @param csrId the CSR id
	 * @return the CSR, {@code approved}
	 */
	public CompletableFuture<CertificateSigningRequest> approveCsr(String csrId) {
		return Futures.checked(() -> this.transport.send(
				ApiRequest.post("pki.approve_csr", Endpoints.pkiCsrApprove(csrId), null),
				CertificateSigningRequest.class));
	}

	/**
	 * Sign an approved CSR with a certificate authority.
	 * @param csrId the CSR id
	 * @param caId the signing CA
	 * @param validityDays lifetime in days, or {@code null} for the default
	 * @return the signed certificate
	 */
	public CompletableFuture<SignedCertificate> signCsrById(String csrId, String caId,
			@Nullable Integer validityDays) {
		return Futures.checked(() -> {
			SignBody body = new SignBody(caId, validityDays);
			return this.transport.send(ApiRequest.post("pki.sign_csr_by_id", Endpoints.pkiCsrSign(csrId), body),
					SignedCertificate.class);
		});
	}

	/**
	 * Revoke a certificate; it appears on its CA's next CRL.
	 * @param serialNumber the certificate's serial number
	 * @param reason why, such as {@code key_compromise}, or {@code null}
	 * @return completes when revoked
	 */
	public CompletableFuture<Void> revoke(String serialNumber, @Nullable String reason) {
		return Futures.checked(() -> this.transport.send(
				ApiRequest.post("pki.revoke", Endpoints.pkiRevoke(serialNumber), new RevokeBody(reason)), Void.class));
	}

	/**
	 * Validate a certificate against a chain.
	 * @param certificatePem the certificate, PEM
	 * @param chainPem the chain, PEM, or {@code null} for the vault's CAs
	 * @param checkRevocation whether to check the CAs' revocation lists
	 * @return the outcome
	 */
	public CompletableFuture<ValidationResult> validateCertificate(String certificatePem, @Nullable String chainPem,
			boolean checkRevocation) {
		return Futures.checked(() -> {
			ValidateBody body = new ValidateBody(certificatePem, chainPem, checkRevocation);
			ApiRequest request = ApiRequest.idempotentPost("pki.validate_certificate", Endpoints.pkiValidate(), body);
			return this.transport.send(request, ValidationResult.class);
		});
	}

	/**
	 * Format a lifetime as the documents do: whole hours in hours ({@code 168h}, {@code 2h}), anything
	 * else in the contract's general form ({@code 30m}, {@code 1h30m}).
	 */
	private static @Nullable String format(@Nullable Duration duration) {
		if (duration == null) {
			return null;
		}
		return Durations.formatHours(duration);
	}

	private static @Nullable List<String> orNull(@Nullable List<String> values) {
		return (values == null || values.isEmpty()) ? null : List.copyOf(values);
	}

	/**
	 * Body of the create-role request.
	 * @param name unique name
	 * @param caId id of the signing CA
	 * @param allowedDomains domains certificates may be issued for
	 * @param allowSubdomains whether subdomains are allowed
	 * @param allowIpSans whether IP SANs are allowed
	 * @param serverAuth whether certificates may authenticate servers
	 * @param clientAuth whether certificates may authenticate clients
	 * @param maxTtl longest lease or certificate duration, such as {@code 24h}
	 * @param keyType key algorithm
	 * @param keySize key size in bits
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	private record RoleBody(String name, String caId, List<String> allowedDomains, @Nullable Boolean allowSubdomains,
			@Nullable Boolean allowIpSans, @Nullable Boolean serverAuth, @Nullable Boolean clientAuth,
			@Nullable String maxTtl, @Nullable KeyType keyType, @Nullable Integer keySize) {

	}

	/**
	 * Body of the issue request.
	 * @param role the role to issue against
	 * @param commonName subject common name
	 * @param altNames DNS subject alternative names
	 * @param ipSans IP subject alternative names
	 * @param ttl requested duration, such as {@code 1h}
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	private record IssueBody(String role, String commonName, @Nullable List<String> altNames,
			@Nullable List<String> ipSans, @Nullable String ttl) {

	}

	/**
	 * Body of the generate-CSR request.
	 * @param subject subject of the CSR
	 * @param sanDns DNS subject alternative names
	 * @param keyType key algorithm
	 * @param keySize key size in bits
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	private record GenerateCsrBody(CsrSubject subject, @Nullable List<String> sanDns, @Nullable KeyType keyType,
			@Nullable Integer keySize) {

	}

	/**
	 * Body of the import-CSR request.
	 * @param csrPem the CSR, PEM-encoded
	 */
	private record ImportCsrBody(String csrPem) {

	}

	/**
	 * Body of the sign-CSR request.
	 * @param caId id of the signing CA
	 * @param validityDays lifetime in days
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	private record SignBody(String caId, @Nullable Integer validityDays) {

	}

	/**
	 * Body of the revoke request.
	 * @param reason why, for the audit log
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	private record RevokeBody(@Nullable String reason) {

	}

	/**
	 * Body of the validate request.
	 * @param certificatePem the certificate, PEM-encoded
	 * @param chainPem its chain, PEM-encoded
	 * @param checkRevocation whether to check the CRL
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	private record ValidateBody(String certificatePem, @Nullable String chainPem, boolean checkRevocation) {

	}

}
