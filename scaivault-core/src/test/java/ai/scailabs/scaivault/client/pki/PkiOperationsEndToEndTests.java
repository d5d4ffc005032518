package ai.scailabs.scaivault.client.pki;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ai.scailabs.scaivault.client.ConflictException;
import ai.scailabs.scaivault.client.DevServerClients;
import ai.scailabs.scaivault.client.ScaiVaultClient;
import ai.scailabs.scaivault.client.ValidationException;
import ai.scailabs.scaivault.devserver.ScaiVaultDevServer;
import ai.scailabs.scaivault.devserver.junit.ScaiVaultDevServerTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * PKI against the embedded dev server: the Python guide's CA, role, issue, CSR and validation
 * calls, with real certificates. The tests share one server, so each names its own CA and role.
 */
@ScaiVaultDevServerTest
class PkiOperationsEndToEndTests {

	private ScaiVaultDevServer server;

	private ScaiVaultClient client;

	@BeforeEach
	void setUp() {
		this.client = DevServerClients.rootClient(this.server);
	}

	@AfterEach
	void tearDown() {
		this.client.close();
	}

	@Test
	void issueAgainstRoleThenRevokeMakesTheCertificateInvalid() throws Exception {
		PkiOperations pki = this.client.pki();
		CertificateAuthority ca = pki
			.createCa(CreateCaRequest.root("acme-root", "Acme Root CA").withKey(KeyType.EC, 256).withValidityDays(3650));
		assertThat(ca.caType()).isEqualTo(CaType.ROOT);
		assertThat(x509(ca.certificatePem()).getSubjectX500Principal().getName()).contains("CN=Acme Root CA");
		assertThat(pki.getCa(ca.id()).certificatePem()).isEqualTo(ca.certificatePem());
		PkiRole role = pki.createRole(CreateRoleRequest.of("svc-mtls", ca.id(), "svc.cluster.local")
			.withSubdomains()
			.withServerAuth()
			.withClientAuth()
			.withMaxTtl(Duration.ofDays(30)));
		assertThat(role.maxTtl()).isEqualTo(Duration.ofDays(30));
		IssuedCertificate certificate = pki.issue("svc-mtls", "billing.svc.cluster.local",
				List.of("billing-api.svc.cluster.local"), List.of(), Duration.ofHours(168));
		X509Certificate x509 = x509(certificate.certificatePem());
		assertThat(x509.getSubjectX500Principal().getName()).contains("CN=billing.svc.cluster.local");
		assertThat(certificate.privateKeyPem()).contains("PRIVATE KEY");
		assertThat(certificate.toString()).doesNotContain(certificate.privateKeyPem());
		assertThat(certificate.expiresAt()).isEqualTo(x509.getNotAfter().toInstant());
		String chain = String.join("", certificate.caChain());
		assertThat(pki.validateCertificate(certificate.certificatePem(), chain, true).valid()).isTrue();
		pki.revoke(certificate.serialNumber(), "key_compromise");
		ValidationResult revoked = pki.validateCertificate(certificate.certificatePem(), chain, true);
		assertThat(revoked.valid()).isFalse();
		assertThat(revoked.errors()).isNotEmpty();
		assertThat(pki.getCrl(ca.id()).crlPem()).startsWith("-----BEGIN X509 CRL-----");
	}

	@Test
	void issueOutsideTheRoleDomainsIsRefused() {
		CertificateAuthority ca = this.client.pki().createCa(CreateCaRequest.root("domains-root", "Acme Root CA"));
		this.client.pki().createRole(CreateRoleRequest.of("svc-server", ca.id(), "svc.cluster.local").withServerAuth());
		assertThatExceptionOfType(ValidationException.class).isThrownBy(
				() -> this.client.pki().issue(IssueRequest.of("svc-server", "evil.example").withTtl(Duration.ofHours(1))));
	}

	@Test
	void generatedCsrIsSignedOnlyOnceApproved() throws Exception {
		PkiOperations pki = this.client.pki();
		CertificateAuthority ca = pki.createCa(CreateCaRequest.root("csr-root", "Acme Root CA"));
		CertificateSigningRequest csr = this.client.async()
			.pki()
			.generateCsr(CsrSubject.of("vendor.example").withOrganization("Vendor"), List.of("vendor-api.example"),
					KeyType.EC, 256)
			.orTimeout(1, TimeUnit.MINUTES).join();
		assertThat(csr.id()).isNotBlank();
		assertThat(csr.csrPem()).contains("CERTIFICATE REQUEST");
		CertificateSigningRequest imported = pki.importCsr(csr.csrPem());
		assertThat(imported.status()).isEqualTo("pending");
		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> pki.signCsrById(imported.id(), ca.id(), 90));
		assertThat(pki.approveCsr(imported.id()).status()).isEqualTo("approved");
		SignedCertificate signed = pki.signCsrById(imported.id(), ca.id(), 90);
		assertThat(x509(signed.certificatePem()).getSubjectX500Principal().getName()).contains("CN=vendor.example");
		assertThat(signed.serialNumber()).isNotBlank();
	}

	private static X509Certificate x509(String pem) throws Exception {
		return (X509Certificate) CertificateFactory.getInstance("X.509")
			.generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
	}

}
