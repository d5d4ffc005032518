package ai.scailabs.scaivault.client.pki;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

import ai.scailabs.scaivault.client.AbstractWireTests;
import ai.scailabs.scaivault.client.ConflictException;
import ai.scailabs.scaivault.client.ValidationException;

import static ai.scailabs.scaivault.client.WireTestSupport.bodyOf;
import static ai.scailabs.scaivault.client.WireTestSupport.json;
import static ai.scailabs.scaivault.client.WireTestSupport.noContent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Wire tests of every PKI call (contract section 8, Python guide "PKI").
 */
class PkiOperationsWireTests extends AbstractWireTests {

	private static final String CERT = "-----BEGIN CERTIFICATE-----\\nMIIB...\\n-----END CERTIFICATE-----\\n";

	private static final String KEY = "-----BEGIN PRIVATE KEY-----\\nMIGHAgEAMBMGByqGSM49...\\n-----END PRIVATE KEY-----\\n";

	private static final String CA_JSON = """
			{"id": "ca_root1", "name": "acme-root", "common_name": "Acme Root CA", "ca_type": "root",
			 "parent_ca_id": null, "key_type": "ec", "key_size": 256, "certificate_pem": "%s", "ca_chain": [],
			 "serial_number": "01", "expires_at": "2036-11-20T12:00:00Z", "created_at": "2026-11-22T12:00:00Z"}
			""".formatted(CERT);

	@Test
	void createCaSendsThePythonGuideBody() throws Exception {
		this.server.enqueue(json(201, CA_JSON));
		CertificateAuthority ca = this.client.pki()
			.createCa(CreateCaRequest.root("acme-root", "Acme Root CA").withKey(KeyType.EC, 256).withValidityDays(3650));
		RecordedRequest request = this.server.takeRequest();
		assertRequest(request, "POST", "/v1/pki/cas");
		assertThat(bodyOf(request)).isEqualTo(json("""
				{"name": "acme-root", "common_name": "Acme Root CA", "ca_type": "root", "key_type": "ec",
				 "key_size": 256, "validity_days": 3650}
				"""));
		assertThat(ca.id()).isEqualTo("ca_root1");
		assertThat(ca.caType()).isEqualTo(CaType.ROOT);
		assertThat(ca.keyType()).isEqualTo(KeyType.EC);
		assertThat(ca.keySize()).isEqualTo(256);
		assertThat(ca.certificatePem()).startsWith("-----BEGIN CERTIFICATE-----");
		assertThat(ca.caChain()).isEmpty();
		assertThat(ca.expiresAt()).isEqualTo(Instant.parse("2036-11-20T12:00:00Z"));
	}

	@Test
	void createIntermediateCaSendsParent() throws Exception {
		this.server.enqueue(json(201, "{\"id\": \"ca_int1\", \"ca_type\": \"intermediate\", \"parent_ca_id\": \"ca_root1\"}"));
		CertificateAuthority ca = this.asyncClient.pki()
			.createCa(CreateCaRequest.intermediate("acme-int", "Acme Intermediate CA", "ca_root1"))
			.get(1, TimeUnit.MINUTES);
		assertThat(bodyOf(this.server.takeRequest())).isEqualTo(json("""
				{"name": "acme-int", "common_name": "Acme Intermediate CA", "ca_type": "intermediate",
				 "parent_ca_id": "ca_root1"}
				"""));
		assertThat(ca.parentCaId()).isEqualTo("ca_root1");
	}

	@Test
	void createCaRequestOfIntermediateWithoutParentSaysWhatIsMissing() {
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> new CreateCaRequest("acme-int", "Acme", CaType.INTERMEDIATE, null, null, null, null))
			.withMessageContaining("acme-int")
			.withMessageContaining("parentCaId");
	}

	@Test
	void getCaAndCrlUseTheCaPaths() throws Exception {
		this.server.enqueue(json(200, CA_JSON));
		this.server.enqueue(json(200, """
				{"crl_pem": "-----BEGIN X509 CRL-----\\nMIIB\\n-----END X509 CRL-----\\n",
				 "this_update": "2026-11-22T12:00:00Z", "next_update": "2026-11-23T12:00:00Z"}
				"""));
		CertificateAuthority ca = this.client.pki().getCa("ca_root1");
		CertificateRevocationList crl = this.client.pki().getCrl("ca_root1");
		assertRequest(this.server.takeRequest(), "GET", "/v1/pki/cas/ca_root1");
		assertRequest(this.server.takeRequest(), "GET", "/v1/pki/cas/ca_root1/crl");
		assertThat(ca.name()).isEqualTo("acme-root");
		assertThat(crl.crlPem()).startsWith("-----BEGIN X509 CRL-----");
		assertThat(crl.nextUpdate()).isEqualTo(Instant.parse("2026-11-23T12:00:00Z"));
	}

	@Test
	void createRoleSendsEveryField() throws Exception {
		this.server.enqueue(json(201, """
				{"name": "svc-mtls", "ca_id": "ca_root1", "allowed_domains": ["svc.cluster.local"],
				 "allow_subdomains": true, "allow_ip_sans": false, "server_auth": true, "client_auth": true,
				 "max_ttl": "720h", "key_type": "ec", "key_size": 256}
				"""));
		PkiRole role = this.client.pki()
			.createRole(CreateRoleRequest.of("svc-mtls", "ca_root1", "svc.cluster.local")
				.withSubdomains()
				.withServerAuth()
				.withClientAuth()
				.withMaxTtl(Duration.ofDays(30))
				.withKey(KeyType.EC, 256));
		RecordedRequest request = this.server.takeRequest();
		assertRequest(request, "POST", "/v1/pki/roles");
		assertThat(bodyOf(request)).isEqualTo(json("""
				{"name": "svc-mtls", "ca_id": "ca_root1", "allowed_domains": ["svc.cluster.local"],
				 "allow_subdomains": true, "server_auth": true, "client_auth": true, "max_ttl": "720h",
				 "key_type": "ec", "key_size": 256}
				"""));
		assertThat(role).isEqualTo(new PkiRole(null, "svc-mtls", "ca_root1", List.of("svc.cluster.local"), true,
				false, true, true, Duration.ofDays(30), KeyType.EC, 256));
	}

	@Test
	void issueSendsThePythonGuideBodyAndParsesCertificateWithKey() throws Exception {
		this.server.enqueue(json(200, """
				{"serial_number": "3a:5f:01", "certificate_pem": "%s", "private_key_pem": "%s",
				 "ca_chain": ["%s"], "expires_at": "2026-11-29T12:00:00Z"}
				""".formatted(CERT, KEY, CERT)));
		IssuedCertificate certificate = this.client.pki()
			.issue("svc-mtls", "billing.svc.cluster.local", List.of("billing-api.svc.cluster.local"), List.of(),
					Duration.ofHours(168));
		RecordedRequest request = this.server.takeRequest();
		assertRequest(request, "POST", "/v1/pki/issue");
		assertThat(bodyOf(request)).isEqualTo(json("""
				{"role": "svc-mtls", "common_name": "billing.svc.cluster.local",
				 "alt_names": ["billing-api.svc.cluster.local"], "ttl": "168h"}
				"""));
		assertThat(certificate.serialNumber()).isEqualTo("3a:5f:01");
		assertThat(certificate.certificatePem()).startsWith("-----BEGIN CERTIFICATE-----");
		assertThat(certificate.privateKeyPem()).startsWith("-----BEGIN PRIVATE KEY-----");
		assertThat(certificate.caChain()).hasSize(1);
		assertThat(certificate.expiresAt()).isEqualTo(Instant.parse("2026-11-29T12:00:00Z"));
	}

	@Test
	void issueAsyncWithRequestSendsIpSans() throws Exception {
		this.server.enqueue(json(200, "{\"serial_number\": \"02\", \"certificate_pem\": \"" + CERT
				+ "\", \"private_key_pem\": \"" + KEY + "\", \"ca_chain\": []}"));
		IssuedCertificate certificate = this.asyncClient.pki()
			.issue(IssueRequest.of("svc-mtls", "billing.svc.cluster.local").withIpSans("10.0.0.7").withTtl(Duration.ofMinutes(90)))
			.get(1, TimeUnit.MINUTES);
		assertThat(bodyOf(this.server.takeRequest())).isEqualTo(json("""
				{"role": "svc-mtls", "common_name": "billing.svc.cluster.local", "ip_sans": ["10.0.0.7"],
				 "ttl": "1h30m"}
				"""));
		assertThat(certificate.serialNumber()).isEqualTo("02");
	}

	@Test
	void issuedCertificateToStringShowsSerialAndExpiryButNeverTheKey() {
		IssuedCertificate certificate = new IssuedCertificate("3a:5f:01", "-----BEGIN CERTIFICATE-----cert",
				"-----BEGIN PRIVATE KEY-----topsecretkey", List.of("-----BEGIN CERTIFICATE-----ca"),
				Instant.parse("2026-11-29T12:00:00Z"));
		assertThat(certificate.toString()).contains("3a:5f:01")
			.contains("2026-11-29T12:00:00Z")
			.doesNotContain("topsecretkey")
			.doesNotContain("PRIVATE KEY-----");
		SignedCertificate signed = new SignedCertificate("04", "-----BEGIN CERTIFICATE-----cert", List.of(), null);
		assertThat(signed.toString()).contains("04").doesNotContain("BEGIN");
	}

	@Test
	void generateCsrSendsThePythonGuideBody() throws Exception {
		this.server.enqueue(json(201, """
				{"id": "csr_1", "csr_pem": "-----BEGIN CERTIFICATE REQUEST-----\\nMIIB\\n-----END CERTIFICATE REQUEST-----\\n",
				 "status": "pending"}
				"""));
		CertificateSigningRequest csr = this.client.pki()
			.generateCsr(CsrSubject.of("vendor.example"), List.of("vendor-api.example"), KeyType.EC, 256);
		RecordedRequest request = this.server.takeRequest();
		assertRequest(request, "POST", "/v1/pki/csr/generate");
		assertThat(bodyOf(request)).isEqualTo(json("""
				{"subject": {"common_name": "vendor.example"}, "san_dns": ["vendor-api.example"],
				 "key_type": "ec", "key_size": 256}
				"""));
		assertThat(csr.id()).isEqualTo("csr_1");
		assertThat(csr.csrPem()).startsWith("-----BEGIN CERTIFICATE REQUEST-----");
		assertThat(csr.status()).isEqualTo("pending");
	}

	@Test
	void importApproveAndSignFollowThePythonGuide() throws Exception {
		String csrPem = "-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----\n";
		this.server.enqueue(json(201, "{\"id\": \"csr_2\", \"status\": \"pending\"}"));
		this.server.enqueue(json(200, "{\"id\": \"csr_2\", \"status\": \"approved\"}"));
		this.server.enqueue(json(200, "{\"serial_number\": \"05\", \"certificate_pem\": \"" + CERT
				+ "\", \"ca_chain\": [\"" + CERT + "\"], \"expires_at\": \"2027-02-20T12:00:00Z\"}"));
		CertificateSigningRequest imported = this.client.pki().importCsr(csrPem);
		CertificateSigningRequest approved = this.client.pki().approveCsr(imported.id());
		SignedCertificate signed = this.client.pki().signCsrById(imported.id(), "ca_root1", 90);
		RecordedRequest importRequest = this.server.takeRequest();
		assertRequest(importRequest, "POST", "/v1/pki/csr/import");
		assertThat(bodyOf(importRequest)).isEqualTo(json("{\"csr_pem\": \"" + csrPem.replace("\n", "\\n") + "\"}"));
		RecordedRequest approveRequest = this.server.takeRequest();
		assertRequest(approveRequest, "POST", "/v1/pki/csr/csr_2/approve");
		RecordedRequest signRequest = this.server.takeRequest();
		assertRequest(signRequest, "POST", "/v1/pki/csr/csr_2/sign");
		assertThat(bodyOf(signRequest)).isEqualTo(json("{\"ca_id\": \"ca_root1\", \"validity_days\": 90}"));
		assertThat(imported.status()).isEqualTo("pending");
		assertThat(approved.status()).isEqualTo("approved");
		assertThat(signed.serialNumber()).isEqualTo("05");
		assertThat(signed.caChain()).hasSize(1);
		assertThat(signed.expiresAt()).isEqualTo(Instant.parse("2027-02-20T12:00:00Z"));
	}

	@Test
	void signUnapprovedCsrThrowsConflict() {
		this.server.enqueue(json(409, """
				{"error": {"code": "conflict", "message": "CSR csr_3 is not approved", "details": {}, "request_id": "req_9"}}
				"""));
		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> this.client.pki().signCsrById("csr_3", "ca_root1", null));
	}

	@Test
	void revokeSendsReason() throws Exception {
		this.server.enqueue(noContent());
		this.asyncClient.pki().revoke("3a:5f:01", "key_compromise").get(1, TimeUnit.MINUTES);
		RecordedRequest request = this.server.takeRequest();
		assertRequest(request, "POST", "/v1/pki/certificates/3a%3A5f%3A01/revoke");
		assertThat(bodyOf(request)).isEqualTo(json("{\"reason\": \"key_compromise\"}"));
	}

	@Test
	void validateCertificateSendsThePythonGuideBody() throws Exception {
		this.server.enqueue(json(200, "{\"valid\": false, \"errors\": [\"certificate has been revoked\"]}"));
		ValidationResult result = this.client.pki().validateCertificate("-----BEGIN...", "-----BEGIN...", true);
		RecordedRequest request = this.server.takeRequest();
		assertRequest(request, "POST", "/v1/pki/validate");
		assertThat(bodyOf(request)).isEqualTo(json("""
				{"certificate_pem": "-----BEGIN...", "chain_pem": "-----BEGIN...", "check_revocation": true}
				"""));
		assertThat(result).isEqualTo(new ValidationResult(false, List.of("certificate has been revoked")));
	}

	static void assertRequest(RecordedRequest request, String method, String target) {
		assertThat(request.getMethod()).isEqualTo(method);
		assertThat(request.getTarget()).isEqualTo(target);
		assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer test-token");
	}

}
