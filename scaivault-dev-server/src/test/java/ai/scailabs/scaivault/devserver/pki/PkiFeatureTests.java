package ai.scailabs.scaivault.devserver.pki;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import ai.scailabs.scaivault.devserver.DevServerHttp;
import ai.scailabs.scaivault.devserver.ScaiVaultDevServer;
import ai.scailabs.scaivault.devserver.events.Event;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conformance tests of the PKI routes over real HTTP.
 */
class PkiFeatureTests {

	static ScaiVaultDevServer server;

	static PkiHttp pki;

	static final List<Event> events = new CopyOnWriteArrayList<>();

	static String rootId;

	@BeforeAll
	static void start() {
		server = ScaiVaultDevServer.builder().start();
		server.events().subscribe(events::add);
		pki = new PkiHttp(server);
		rootId = pki.createRootCa("conformance-root", "ec", 256).path("id").asString();
		pki.createRole("web", rootId, "ec", 256);
		DevServerHttp.Response response = pki.post("/v1/pki/roles", Map.of("name", "strict", "ca_id", rootId,
				"allowed_domains", List.of("acme.example"), "allow_subdomains", false, "max_ttl", "24h"));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@Test
	void createCaReturnsCreatedWithCertificateAndNoKey() throws Exception {
		DevServerHttp.Response response = pki.post("/v1/pki/cas", Map.of("name", "acme-root", "common_name",
				"Acme Root CA", "ca_type", "root", "key_type", "ec", "key_size", 256, "validity_days", 3650));
		assertThat(response.status()).isEqualTo(201);
		JsonNode ca = response.json();
		assertThat(ca.path("id").asString()).startsWith("ca_");
		assertThat(ca.path("name").asString()).isEqualTo("acme-root");
		assertThat(ca.path("common_name").asString()).isEqualTo("Acme Root CA");
		assertThat(ca.path("ca_type").asString()).isEqualTo("root");
		assertThat(response.body()).doesNotContain("PRIVATE KEY").doesNotContain("private_key");
		X509Certificate certificate = certificate(ca.path("certificate_pem").asString());
		assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=Acme Root CA");
		assertThat(certificate.getBasicConstraints()).isEqualTo(Integer.MAX_VALUE);
		certificate.verify(certificate.getPublicKey());
	}

	@Test
	void createCaWithRsaKeyReturnsRsaCertificate() throws Exception {
		JsonNode ca = pki.createRootCa("rsa-root", "rsa", 2048);
		X509Certificate certificate = certificate(ca.path("certificate_pem").asString());
		assertThat(certificate.getPublicKey().getAlgorithm()).isEqualTo("RSA");
		assertThat(certificate.getSigAlgName()).isEqualTo("SHA256withRSA");
	}

	@Test
	void createCaWhenNameExistsReturnsConflict() {
		DevServerHttp.Response response = pki.post("/v1/pki/cas",
				Map.of("name", "conformance-root", "common_name", "Again", "ca_type", "root"));
		assertThat(response.status()).isEqualTo(409);
		assertThat(response.errorCode()).isEqualTo("conflict");
	}

	@Test
	void createCaWhenKeySizeIsUnsupportedReturnsValidationError() {
		DevServerHttp.Response response = pki.post("/v1/pki/cas",
				Map.of("name", "odd", "common_name", "Odd", "key_type", "ec", "key_size", 521));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.errorCode()).isEqualTo("validation_error");
		assertThat(response.json().path("error").path("details").path("field").asString()).isEqualTo("key_size");
	}

	@Test
	void createCaWhenRsaKeyIsTooSmallReturnsValidationError() {
		DevServerHttp.Response response = pki.post("/v1/pki/cas",
				Map.of("name", "weak", "common_name", "Weak", "key_type", "rsa", "key_size", 1024));
		assertThat(response.errorCode()).isEqualTo("validation_error");
	}

	@Test
	void createCaWhenFieldIsUnknownReturnsValidationError() {
		DevServerHttp.Response response = pki.post("/v1/pki/cas",
				Map.of("name", "x", "common_name", "X", "colour", "blue"));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().path("error").path("details").path("field").asString()).isEqualTo("colour");
	}

	@Test
	void createIntermediateCaIsSignedByParentWithPathLengthZero() throws Exception {
		JsonNode intermediate = pki.createIntermediateCa("issuing-1", rootId);
		assertThat(intermediate.path("ca_type").asString()).isEqualTo("intermediate");
		assertThat(intermediate.path("parent_ca_id").asString()).isEqualTo(rootId);
		X509Certificate certificate = certificate(intermediate.path("certificate_pem").asString());
		X509Certificate root = certificate(pki.get("/v1/pki/cas/" + rootId).json().path("certificate_pem").asString());
		certificate.verify(root.getPublicKey());
		assertThat(certificate.getIssuerX500Principal()).isEqualTo(root.getSubjectX500Principal());
		assertThat(certificate.getBasicConstraints()).isZero();
		assertThat(PkiHttp.strings(intermediate.path("ca_chain"))).hasSize(2);
	}

	@Test
	void createIntermediateCaUnderPathLengthZeroCaReturnsValidationError() {
		String intermediateId = pki.createIntermediateCa("issuing-2", rootId).path("id").asString();
		DevServerHttp.Response response = pki.post("/v1/pki/cas", Map.of("name", "too-deep", "common_name", "Deep",
				"ca_type", "intermediate", "parent_ca_id", intermediateId));
		assertThat(response.errorCode()).isEqualTo("validation_error");
		assertThat(response.json().path("error").path("details").path("field").asString()).isEqualTo("parent_ca_id");
	}

	@Test
	void createIntermediateCaWithoutParentReturnsValidationError() {
		DevServerHttp.Response response = pki.post("/v1/pki/cas",
				Map.of("name", "orphan", "common_name", "Orphan", "ca_type", "intermediate"));
		assertThat(response.errorCode()).isEqualTo("validation_error");
	}

	@Test
	void createIntermediateCaWhenParentIsUnknownReturnsNotFound() {
		DevServerHttp.Response response = pki.post("/v1/pki/cas", Map.of("name", "lost", "common_name", "Lost",
				"ca_type", "intermediate", "parent_ca_id", "ca_missing"));
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.errorCode()).isEqualTo("not_found");
	}

	@Test
	void getCaReturnsCertificateAndChain() {
		DevServerHttp.Response response = pki.get("/v1/pki/cas/" + rootId);
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().path("id").asString()).isEqualTo(rootId);
		assertThat(response.json().path("certificate_pem").asString()).startsWith("-----BEGIN CERTIFICATE-----");
		assertThat(PkiHttp.strings(response.json().path("ca_chain"))).hasSize(1);
		assertThat(response.body()).doesNotContain("PRIVATE KEY");
	}

	@Test
	void getCaWhenMissingReturnsNotFound() {
		DevServerHttp.Response response = pki.get("/v1/pki/cas/ca_missing");
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.errorCode()).isEqualTo("not_found");
	}

	@Test
	void getCaWithoutTokenReturnsAuthenticationRequired() {
		DevServerHttp.Response response = pki.http.get("/v1/pki/cas/" + rootId, null);
		assertThat(response.status()).isEqualTo(401);
	}

	@Test
	void createCaWithoutPolicyReturnsAccessDenied() {
		String token = server.issueToken("sa:nobody");
		DevServerHttp.Response response = pki.http.post("/v1/pki/cas", token,
				PkiHttp.body(Map.of("name", "denied", "common_name", "Denied")));
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.errorCode()).isEqualTo("access_denied");
	}

	@Test
	void issueWithPolicyOnRolePathIsAllowedOnlyForThatRole() {
		DevServerHttp.Response policy = pki.post("/v1/policies", Map.of("name", "issue-web", "rules",
				List.of(Map.of("path_pattern", "pki/issue/web", "permissions", List.of("write")))));
		assertThat(policy.status()).as(policy.toString()).isEqualTo(201);
		DevServerHttp.Response binding = pki.post("/v1/policies/" + policy.json().path("id").asString() + "/bindings",
				Map.of("identity_type", "service_account", "identity_id", "sa:web-issuer"));
		assertThat(binding.status()).as(binding.toString()).isEqualTo(201);
		String token = server.issueToken("sa:web-issuer");
		DevServerHttp.Response allowed = pki.http.post("/v1/pki/issue", token,
				PkiHttp.body(Map.of("role", "web", "common_name", "policy.svc.cluster.local")));
		assertThat(allowed.status()).as(allowed.toString()).isEqualTo(200);
		DevServerHttp.Response denied = pki.http.post("/v1/pki/issue", token,
				PkiHttp.body(Map.of("role", "strict", "common_name", "acme.example")));
		assertThat(denied.status()).isEqualTo(403);
		assertThat(denied.json().path("error").path("details").path("path").asString()).isEqualTo("pki/issue/strict");
	}

	@Test
	void getCrlReturnsCrlSignedByCa() throws Exception {
		DevServerHttp.Response response = pki.get("/v1/pki/cas/" + rootId + "/crl");
		assertThat(response.status()).isEqualTo(200);
		X509CRL crl = crl(response.json().path("crl_pem").asString());
		X509Certificate root = certificate(pki.get("/v1/pki/cas/" + rootId).json().path("certificate_pem").asString());
		crl.verify(root.getPublicKey());
		assertThat(crl.getIssuerX500Principal()).isEqualTo(root.getSubjectX500Principal());
	}

	@Test
	void createRoleReturnsCreated() {
		DevServerHttp.Response response = pki.post("/v1/pki/roles", Map.of("name", "svc-mtls", "ca_id", rootId,
				"allowed_domains", List.of("svc.cluster.local"), "allow_subdomains", true, "server_auth", true,
				"client_auth", true, "max_ttl", "168h"));
		assertThat(response.status()).isEqualTo(201);
		assertThat(response.json().path("name").asString()).isEqualTo("svc-mtls");
		assertThat(response.json().path("max_ttl").asString()).isEqualTo("168h");
	}

	@Test
	void createRoleWhenCaIsUnknownReturnsNotFound() {
		DevServerHttp.Response response = pki.post("/v1/pki/roles",
				Map.of("name", "nowhere", "ca_id", "ca_missing", "allowed_domains", List.of("example.com")));
		assertThat(response.errorCode()).isEqualTo("not_found");
	}

	@Test
	void createRoleWhenMaxTtlIsNotADurationReturnsValidationError() {
		DevServerHttp.Response response = pki.post("/v1/pki/roles", Map.of("name", "bad-ttl", "ca_id", rootId,
				"allowed_domains", List.of("example.com"), "max_ttl", "a week"));
		assertThat(response.errorCode()).isEqualTo("validation_error");
		assertThat(response.json().path("error").path("details").path("field").asString()).isEqualTo("max_ttl");
	}

	@Test
	void issueReturnsCertificateKeyAndChain() throws Exception {
		JsonNode issued = pki.issue("web", "billing.svc.cluster.local", List.of("billing-api.svc.cluster.local"),
				List.of("10.0.0.7"));
		X509Certificate certificate = certificate(issued.path("certificate_pem").asString());
		assertThat(issued.path("serial_number").asString()).isEqualTo(certificate.getSerialNumber().toString(16));
		assertThat(issued.path("private_key_pem").asString()).startsWith("-----BEGIN PRIVATE KEY-----");
		assertThat(PkiHttp.strings(issued.path("ca_chain"))).hasSize(1);
		assertThat(issued.path("expires_at").asString())
			.isEqualTo(certificate.getNotAfter().toInstant().toString());
		assertThat(sans(certificate))
			.containsExactlyInAnyOrder("billing.svc.cluster.local", "billing-api.svc.cluster.local", "10.0.0.7");
		assertThat(certificate.getExtendedKeyUsage()).containsExactlyInAnyOrder("1.3.6.1.5.5.7.3.1",
				"1.3.6.1.5.5.7.3.2");
		assertThat(Duration.between(certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant()))
			.isEqualTo(Duration.ofHours(168));
		assertThat(events).anySatisfy((event) -> {
			assertThat(event.type()).isEqualTo("certificate.issued");
			assertThat(event.data()).containsEntry("serial_number", issued.path("serial_number").asString());
			assertThat(event.toString()).doesNotContain("PRIVATE KEY");
		});
	}

	@Test
	void issueWithServerAuthOnlyRoleHasServerAuthUsageOnly() throws Exception {
		DevServerHttp.Response role = pki.post("/v1/pki/roles", Map.of("name", "servers", "ca_id", rootId,
				"allowed_domains", List.of("svc.cluster.local"), "allow_subdomains", true, "server_auth", true,
				"client_auth", false));
		assertThat(role.status()).isEqualTo(201);
		JsonNode issued = pki.issue("servers", "api.svc.cluster.local", List.of(), List.of());
		X509Certificate certificate = certificate(issued.path("certificate_pem").asString());
		assertThat(certificate.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
	}

	@Test
	void issueValidityFollowsDevClock() throws Exception {
		ScaiVaultDevServer shifted = ScaiVaultDevServer.builder().start();
		try {
			shifted.clock().advance(Duration.ofDays(400));
			PkiHttp shiftedPki = new PkiHttp(shifted);
			String caId = shiftedPki.createRootCa("shifted", "ec", 256).path("id").asString();
			shiftedPki.createRole("web", caId, "ec", 256);
			JsonNode issued = shiftedPki.issue("web", "a.svc.cluster.local", List.of(), List.of());
			X509Certificate certificate = certificate(issued.path("certificate_pem").asString());
			assertThat(certificate.getNotBefore().toInstant())
				.isAfter(java.time.Instant.now().plus(Duration.ofDays(399)));
		}
		finally {
			shifted.close();
		}
	}

	@Test
	void issueWhenCommonNameIsOutsideAllowedDomainsReturnsValidationError() {
		DevServerHttp.Response response = pki.post("/v1/pki/issue",
				Map.of("role", "web", "common_name", "evil.example.com"));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.errorCode()).isEqualTo("validation_error");
		assertThat(response.json().path("error").path("details").path("field").asString()).isEqualTo("common_name");
		assertThat(response.json().path("error").path("message").asString()).contains("evil.example.com")
			.contains("allowed_domains");
	}

	@Test
	void issueWhenAltNameIsOutsideAllowedDomainsReturnsValidationError() {
		DevServerHttp.Response response = pki.post("/v1/pki/issue", Map.of("role", "web", "common_name",
				"ok.svc.cluster.local", "alt_names", List.of("svc.cluster.local.evil.com")));
		assertThat(response.errorCode()).isEqualTo("validation_error");
		assertThat(response.json().path("error").path("details").path("field").asString()).isEqualTo("alt_names");
	}

	@Test
	void issueWhenSubdomainsAreNotAllowedReturnsValidationError() {
		DevServerHttp.Response response = pki.post("/v1/pki/issue",
				Map.of("role", "strict", "common_name", "api.acme.example"));
		assertThat(response.errorCode()).isEqualTo("validation_error");
		assertThat(response.json().path("error").path("details").path("field").asString()).isEqualTo("common_name");
		assertThat(pki.post("/v1/pki/issue", Map.of("role", "strict", "common_name", "acme.example")).status())
			.isEqualTo(200);
	}

	@Test
	void issueWhenTtlIsAboveMaxTtlReturnsValidationError() {
		DevServerHttp.Response response = pki.post("/v1/pki/issue",
				Map.of("role", "strict", "common_name", "acme.example", "ttl", "48h"));
		assertThat(response.errorCode()).isEqualTo("validation_error");
		assertThat(response.json().path("error").path("details").path("field").asString()).isEqualTo("ttl");
	}

	@Test
	void issueWhenIpSansAreNotAllowedReturnsValidationError() {
		DevServerHttp.Response response = pki.post("/v1/pki/issue",
				Map.of("role", "strict", "common_name", "acme.example", "ip_sans", List.of("10.0.0.1")));
		assertThat(response.errorCode()).isEqualTo("validation_error");
		assertThat(response.json().path("error").path("details").path("field").asString()).isEqualTo("ip_sans");
	}

	@Test
	void issueWhenIpSanIsNotAnAddressReturnsValidationError() {
		DevServerHttp.Response response = pki.post("/v1/pki/issue",
				Map.of("role", "web", "common_name", "a.svc.cluster.local", "ip_sans", List.of("not-an-ip")));
		assertThat(response.errorCode()).isEqualTo("validation_error");
	}

	@Test
	void issueWhenRoleIsUnknownReturnsNotFound() {
		DevServerHttp.Response response = pki.post("/v1/pki/issue",
				Map.of("role", "missing", "common_name", "a.svc.cluster.local"));
		assertThat(response.errorCode()).isEqualTo("not_found");
	}

	@Test
	void generateCsrReturnsPendingCsrWithoutKey() throws Exception {
		DevServerHttp.Response response = pki.post("/v1/pki/csr/generate",
				Map.of("subject", Map.of("common_name", "vendor.example", "organization", "Vendor Ltd"), "san_dns",
						List.of("vendor-api.example"), "key_type", "ec", "key_size", 256));
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().path("id").asString()).startsWith("csr_");
		assertThat(response.json().path("status").asString()).isEqualTo("pending");
		assertThat(response.json().path("csr_pem").asString()).startsWith("-----BEGIN CERTIFICATE REQUEST-----");
		assertThat(response.body()).doesNotContain("PRIVATE KEY");
	}

	@Test
	void generateCsrWithoutCommonNameReturnsValidationError() {
		DevServerHttp.Response response = pki.post("/v1/pki/csr/generate",
				Map.of("subject", Map.of("organization", "Vendor Ltd")));
		assertThat(response.errorCode()).isEqualTo("validation_error");
	}

	@Test
	void importApproveAndSignCsrReturnsCertificateForCsrKey() throws Exception {
		String csrPem = generatedCsrPem("partner.example");
		DevServerHttp.Response imported = pki.post("/v1/pki/csr/import", Map.of("csr_pem", csrPem));
		assertThat(imported.status()).isEqualTo(200);
		assertThat(imported.json().path("status").asString()).isEqualTo("pending");
		String id = imported.json().path("id").asString();
		DevServerHttp.Response approved = pki.post("/v1/pki/csr/" + id + "/approve", Map.of());
		assertThat(approved.json().path("id").asString()).isEqualTo(id);
		assertThat(approved.json().path("status").asString()).isEqualTo("approved");
		DevServerHttp.Response signed = pki.post("/v1/pki/csr/" + id + "/sign",
				Map.of("ca_id", rootId, "validity_days", 90));
		assertThat(signed.status()).as(signed.toString()).isEqualTo(200);
		X509Certificate certificate = certificate(signed.json().path("certificate_pem").asString());
		assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=partner.example");
		assertThat(signed.json().path("serial_number").asString())
			.isEqualTo(certificate.getSerialNumber().toString(16));
		assertThat(PkiHttp.strings(signed.json().path("ca_chain"))).hasSize(1);
		assertThat(signed.json().has("private_key_pem")).isFalse();
		assertThat(Duration.between(certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant()))
			.isEqualTo(Duration.ofDays(90));
		assertThat(sans(certificate))
			.containsExactly("partner-api.example");
	}

	@Test
	void signWhenCsrIsNotApprovedReturnsConflict() {
		String id = pki.post("/v1/pki/csr/import", Map.of("csr_pem", generatedCsrPem("pending.example")))
			.json()
			.path("id")
			.asString();
		DevServerHttp.Response response = pki.post("/v1/pki/csr/" + id + "/sign", Map.of("ca_id", rootId));
		assertThat(response.status()).isEqualTo(409);
		assertThat(response.errorCode()).isEqualTo("conflict");
	}

	@Test
	void signWhenCsrIsMissingReturnsNotFound() {
		DevServerHttp.Response response = pki.post("/v1/pki/csr/csr_missing/sign", Map.of("ca_id", rootId));
		assertThat(response.errorCode()).isEqualTo("not_found");
	}

	@Test
	void importCsrWhenPemIsGarbageReturnsValidationError() {
		DevServerHttp.Response response = pki.post("/v1/pki/csr/import", Map.of("csr_pem", "not a csr"));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().path("error").path("details").path("field").asString()).isEqualTo("csr_pem");
	}

	@Test
	void importCsrWhenSignatureIsBrokenReturnsValidationError() {
		String pem = generatedCsrPem("tampered.example");
		byte[] der = Pem.decode(pem, "CERTIFICATE REQUEST").get(0);
		der[der.length - 5] ^= 0x55;
		DevServerHttp.Response response = pki.post("/v1/pki/csr/import",
				Map.of("csr_pem", Pem.encode("CERTIFICATE REQUEST", der)));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.errorCode()).isEqualTo("validation_error");
	}

	@Test
	void revokeWhenSerialIsUnknownReturnsNotFound() {
		DevServerHttp.Response response = pki.post("/v1/pki/certificates/0abc/revoke", Map.of("reason", "superseded"));
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.errorCode()).isEqualTo("not_found");
	}

	@Test
	void revokeReturnsNoContentAndCrlListsCertificate() throws Exception {
		JsonNode issued = pki.issue("web", "revoked.svc.cluster.local", List.of(), List.of());
		String serial = issued.path("serial_number").asString();
		DevServerHttp.Response response = pki.post("/v1/pki/certificates/" + serial + "/revoke",
				Map.of("reason", "key_compromise"));
		assertThat(response.status()).isEqualTo(204);
		X509CRL crl = crl(pki.get("/v1/pki/cas/" + rootId + "/crl").json().path("crl_pem").asString());
		assertThat(crl.getRevokedCertificate(new BigInteger(serial, 16))).isNotNull();
		assertThat(crl.isRevoked(certificate(issued.path("certificate_pem").asString()))).isTrue();
		assertThat(crl.getRevokedCertificate(new BigInteger(serial, 16)).getRevocationReason())
			.isEqualTo(java.security.cert.CRLReason.KEY_COMPROMISE);
	}

	@Test
	void validateWhenIssuedByServerCaReturnsValid() {
		JsonNode issued = pki.issue("web", "valid.svc.cluster.local", List.of(), List.of());
		JsonNode result = validate(issued.path("certificate_pem").asString(), null, true);
		assertThat(result.path("valid").asBoolean()).as(result.toString()).isTrue();
		assertThat(result.path("errors").isEmpty()).isTrue();
	}

	@Test
	void validateWhenRevokedAndCheckRevocationReturnsInvalid() {
		JsonNode issued = pki.issue("web", "gone.svc.cluster.local", List.of(), List.of());
		pki.post("/v1/pki/certificates/" + issued.path("serial_number").asString() + "/revoke", Map.of());
		JsonNode checked = validate(issued.path("certificate_pem").asString(), null, true);
		assertThat(checked.path("valid").asBoolean()).isFalse();
		assertThat(PkiHttp.strings(checked.path("errors"))).anySatisfy((error) -> assertThat(error).contains("revoked"));
		assertThat(validate(issued.path("certificate_pem").asString(), null, false).path("valid").asBoolean()).isTrue();
	}

	@Test
	void validateWhenExpiredOnDevClockReturnsInvalid() {
		ScaiVaultDevServer other = ScaiVaultDevServer.builder().start();
		try {
			PkiHttp otherPki = new PkiHttp(other);
			String caId = otherPki.createRootCa("expiry", "ec", 256).path("id").asString();
			otherPki.createRole("web", caId, "ec", 256);
			JsonNode issued = otherPki.issue("web", "short.svc.cluster.local", List.of(), List.of());
			other.clock().advance(Duration.ofDays(8));
			JsonNode result = otherPki.post("/v1/pki/validate",
					Map.of("certificate_pem", issued.path("certificate_pem").asString()))
				.json();
			assertThat(result.path("valid").asBoolean()).isFalse();
			assertThat(PkiHttp.strings(result.path("errors"))).anySatisfy((error) -> assertThat(error).contains("expired"));
		}
		finally {
			other.close();
		}
	}

	@Test
	void validateWhenIssuedByIntermediateUsesChainAndServerCas() {
		String intermediateId = pki.createIntermediateCa("issuing-3", rootId).path("id").asString();
		pki.createRole("intermediate-web", intermediateId, "ec", 256);
		JsonNode issued = pki.issue("intermediate-web", "deep.svc.cluster.local", List.of(), List.of());
		assertThat(PkiHttp.strings(issued.path("ca_chain"))).hasSize(2);
		String chainPem = String.join("", PkiHttp.strings(issued.path("ca_chain")));
		assertThat(validate(issued.path("certificate_pem").asString(), chainPem, true).path("valid").asBoolean())
			.isTrue();
		assertThat(validate(issued.path("certificate_pem").asString(), null, true).path("valid").asBoolean()).isTrue();
	}

	@Test
	void validateWhenIssuedByAnotherCaReturnsInvalid() {
		ScaiVaultDevServer other = ScaiVaultDevServer.builder().start();
		try {
			PkiHttp otherPki = new PkiHttp(other);
			String caId = otherPki.createRootCa("foreign", "ec", 256).path("id").asString();
			otherPki.createRole("web", caId, "ec", 256);
			JsonNode foreign = otherPki.issue("web", "foreign.svc.cluster.local", List.of(), List.of());
			JsonNode result = validate(foreign.path("certificate_pem").asString(), null, false);
			assertThat(result.path("valid").asBoolean()).isFalse();
			assertThat(PkiHttp.strings(result.path("errors")))
				.anySatisfy((error) -> assertThat(error).contains("does not chain"));
		}
		finally {
			other.close();
		}
	}

	@Test
	void validateWhenPemIsNotACertificateReturnsValidationError() {
		DevServerHttp.Response response = pki.post("/v1/pki/validate", Map.of("certificate_pem", "hello"));
		assertThat(response.errorCode()).isEqualTo("validation_error");
		assertThat(response.json().path("error").path("details").path("field").asString())
			.isEqualTo("certificate_pem");
	}

	private static JsonNode validate(String certificatePem, String chainPem, boolean checkRevocation) {
		Map<String, Object> body = new java.util.LinkedHashMap<>();
		body.put("certificate_pem", certificatePem);
		if (chainPem != null) {
			body.put("chain_pem", chainPem);
		}
		body.put("check_revocation", checkRevocation);
		DevServerHttp.Response response = pki.post("/v1/pki/validate", body);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json();
	}

	private static String generatedCsrPem(String commonName) {
		return CertificateSigningRequest
			.generate("csr_local", CertificateSigner.commonName(commonName),
					new ArrayList<>(List.of(commonName.replace(".", "-api."))), KeySpec.DEFAULT,
					java.time.Instant.now())
			.pem();
	}

	static List<Object> sans(X509Certificate certificate) throws Exception {
		List<Object> names = new ArrayList<>();
		certificate.getSubjectAlternativeNames().forEach((name) -> names.add(name.get(1)));
		return names;
	}

	static X509Certificate certificate(String pem) throws Exception {
		return (X509Certificate) CertificateFactory.getInstance("X.509")
			.generateCertificate(new ByteArrayInputStream(pem.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
	}

	static X509CRL crl(String pem) throws Exception {
		return (X509CRL) CertificateFactory.getInstance("X.509")
			.generateCRL(new ByteArrayInputStream(pem.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
	}

}
