package ai.scailabs.scaivault.devserver.pki;

import java.math.BigInteger;
import java.security.cert.X509CRL;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import ai.scailabs.scaivault.devserver.events.Event;
import ai.scailabs.scaivault.devserver.http.ApiException;
import ai.scailabs.scaivault.devserver.http.ErrorCode;
import ai.scailabs.scaivault.devserver.time.DevClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The PKI without HTTP: events, revocation, CRLs and what never shows a key.
 */
class PkiServiceTests {

	private final DevClock clock = new DevClock();

	private final List<Event> events = new CopyOnWriteArrayList<>();

	private final PkiService service = new PkiService(this.clock, this.events::add);

	private final CertificateAuthority root = this.service.createCa("root", "Root", "root", null, KeySpec.DEFAULT,
			3650);

	private PkiRole role(String name, String caId) {
		return this.service.createRole(new PkiRole(name, caId, List.of("acme.example"), true, false, true, false,
				Duration.ofDays(30), KeySpec.DEFAULT, this.service.now()));
	}

	@Test
	void createCaWithTheSameNameOnTwoThreadsCreatesOneCa() throws Exception {
		List<Object> outcomes = new CopyOnWriteArrayList<>();
		Runnable create = () -> {
			try {
				outcomes.add(this.service.createCa("twin", "Twin", "root", null, new KeySpec("rsa", 2048), 365));
			}
			catch (ApiException ex) {
				outcomes.add(ex.code());
			}
		};
		Thread first = new Thread(create);
		Thread second = new Thread(create);
		first.start();
		second.start();
		first.join(Duration.ofMinutes(1).toMillis());
		second.join(Duration.ofMinutes(1).toMillis());
		assertThat(first.isAlive() || second.isAlive()).as("a thread still running after a minute").isFalse();
		assertThat(outcomes).hasSize(2).containsOnlyOnce(ErrorCode.CONFLICT);
		assertThat(this.service.cas()).filteredOn((ca) -> ca.name().equals("twin")).hasSize(1);
	}

	@Test
	void issueWithRsaRoleSignsTheGeneratedKey() {
		this.service.createRole(new PkiRole("rsa-web", this.root.id(), List.of("acme.example"), true, false, true,
				false, Duration.ofDays(30), new KeySpec("rsa", 2048), this.service.now()));
		IssuedCertificate issued = this.service.issue("rsa-web", "rsa.acme.example", List.of(), List.of(), null);
		assertThat(issued.certificate().getPublicKey().getAlgorithm()).isEqualTo("RSA");
		assertThat(issued.privateKey()).isNotNull();
		assertThat(issued.privateKey().getAlgorithm()).isEqualTo("RSA");
	}

	@Test
	void issuePublishesCertificateIssuedWithoutKey() {
		role("web", this.root.id());
		IssuedCertificate issued = this.service.issue("web", "a.acme.example", List.of(), List.of(), null);
		assertThat(this.events).singleElement().satisfies((event) -> {
			assertThat(event.type()).isEqualTo("certificate.issued");
			assertThat(event.path()).isEqualTo("pki/certificates/" + issued.serialNumber());
			assertThat(event.data()).containsEntry("role", "web").containsEntry("common_name", "a.acme.example");
			assertThat(event.toString()).doesNotContain(issued.privateKeyPem().substring(30, 60));
		});
	}

	@Test
	void tickAtTwoThirdsOfLifetimePublishesCertificateExpiringOnce() {
		role("web", this.root.id());
		IssuedCertificate issued = this.service.issue("web", "b.acme.example", List.of(), List.of(),
				Duration.ofDays(30));
		this.events.clear();
		this.clock.advance(Duration.ofDays(19));
		assertThat(this.events).isEmpty();
		this.clock.advance(Duration.ofDays(2));
		this.clock.advance(Duration.ofDays(1));
		assertThat(this.events).singleElement().satisfies((event) -> {
			assertThat(event.type()).isEqualTo("certificate.expiring");
			assertThat(event.data()).containsEntry("serial_number", issued.serialNumber());
		});
	}

	@Test
	void revokedCertificateIsNotAnnouncedAsExpiring() {
		role("web", this.root.id());
		IssuedCertificate issued = this.service.issue("web", "c.acme.example", List.of(), List.of(), null);
		this.service.revoke(issued.serialNumber(), "superseded");
		this.events.clear();
		this.clock.advance(Duration.ofDays(25));
		assertThat(this.events).isEmpty();
	}

	@Test
	void revokeTwiceKeepsFirstRevocationAndAcceptsColonSeparatedSerial() {
		role("web", this.root.id());
		IssuedCertificate issued = this.service.issue("web", "d.acme.example", List.of(), List.of(), null);
		String hex = issued.serialNumber();
		String withColons = String.join(":", hex.split("(?<=\\G..)")).toUpperCase();
		this.service.revoke(hex, "key_compromise");
		this.clock.advance(Duration.ofHours(1));
		this.service.revoke(withColons, "superseded");
		assertThat(this.root.revocations()).singleElement()
			.satisfies((revocation) -> assertThat(revocation.reason()).isEqualTo(RevocationReason.KEY_COMPROMISE));
	}

	@Test
	void revokeIntermediateCaListsItOnParentCrlAndInvalidatesItsCertificates() throws Exception {
		CertificateAuthority intermediate = this.service.createCa("issuing", "Issuing", "intermediate",
				this.root.id(), KeySpec.DEFAULT, 365);
		role("issuing-web", intermediate.id());
		IssuedCertificate issued = this.service.issue("issuing-web", "e.acme.example", List.of(), List.of(), null);
		assertThat(this.service.validate(issued.certificate(), List.of(), true).valid()).isTrue();
		this.service.revoke(IssuedCertificate.serialNumber(intermediate.certificate().getSerialNumber()), null);
		X509CRL crl = this.service.crl(this.root.id());
		assertThat(crl.isRevoked(intermediate.certificate())).isTrue();
		ValidationResult result = this.service.validate(issued.certificate(), List.of(), true);
		assertThat(result.valid()).isFalse();
		assertThat(result.errors()).singleElement().asString().contains("CA certificate").contains("revoked");
	}

	@Test
	void crlNumberIncreasesWithEveryCrl() throws Exception {
		X509CRL first = this.service.crl(this.root.id());
		X509CRL second = this.service.crl(this.root.id());
		assertThat(crlNumber(second)).isGreaterThan(crlNumber(first));
	}

	@Test
	void issueWhenTtlOutlivesCaThrowsValidationError() {
		CertificateAuthority shortLived = this.service.createCa("short", "Short", "root", null, KeySpec.DEFAULT, 10);
		this.service.createRole(new PkiRole("long", shortLived.id(), List.of("acme.example"), true, false, true,
				false, Duration.ofDays(30), KeySpec.DEFAULT, this.service.now()));
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> this.service.issue("long", "acme.example", List.of(), List.of(), Duration.ofDays(20)))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
				assertThat(ex.details()).containsEntry("field", "ttl");
			});
	}

	@Test
	void toStringNeverShowsPrivateKeys() {
		role("web", this.root.id());
		IssuedCertificate issued = this.service.issue("web", "f.acme.example", List.of(), List.of(), null);
		String keyBase64 = java.util.Base64.getEncoder().encodeToString(issued.privateKey().getEncoded());
		assertThat(issued.toString()).doesNotContain("PRIVATE").doesNotContain(keyBase64.substring(10, 40));
		assertThat(this.root.toString()).doesNotContain("private");
		CertificateSigningRequest csr = this.service.generateCsr(CertificateSigner.commonName("g.acme.example"),
				List.of(), KeySpec.DEFAULT);
		assertThat(csr.toString()).doesNotContain("private").contains(csr.id());
	}

	private static BigInteger crlNumber(X509CRL crl) {
		byte[] extension = crl.getExtensionValue("2.5.29.20");
		return org.bouncycastle.asn1.ASN1Integer
			.getInstance(org.bouncycastle.asn1.ASN1OctetString.getInstance(extension).getOctets())
			.getValue();
	}

}
