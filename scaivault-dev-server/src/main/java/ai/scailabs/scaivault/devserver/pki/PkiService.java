package ai.scailabs.scaivault.devserver.pki;

import java.math.BigInteger;
import java.net.InetAddress;
import java.security.KeyPair;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.jspecify.annotations.Nullable;

import ai.scailabs.scaivault.devserver.events.Event;
import ai.scailabs.scaivault.devserver.events.EventSink;
import ai.scailabs.scaivault.devserver.http.ApiException;
import ai.scailabs.scaivault.devserver.time.DevClock;

/**
 * The in-memory PKI of the dev server: CAs, roles, CSRs and the certificates they issued.
 * Publishes {@code certificate.issued} on every issue and sign, and {@code certificate.expiring}
 * once per certificate when two thirds of its lifetime have passed on the dev clock.
 */
public final class PkiService {

	private static final System.Logger logger = System.getLogger(PkiService.class.getName());

	private final DevClock clock;

	private final EventSink events;

	private final Map<String, CertificateAuthority> authorities = new LinkedHashMap<>();

	private final Map<String, PkiRole> roles = new LinkedHashMap<>();

	private final Map<String, CertificateSigningRequest> requests = new LinkedHashMap<>();

	private final Map<BigInteger, IssuedCertificate> certificates = new LinkedHashMap<>();

	private final Set<BigInteger> warned = new HashSet<>();

	/**
	 * @param clock the dev clock: validity, revocation and CRL times
	 * @param events where to publish certificate events
	 */
	public PkiService(DevClock clock, EventSink events) {
		this.clock = clock;
		this.events = events;
		clock.onTick(this::tick);
	}

	/**
	 * Create a root or intermediate CA.
	 * @param name unique name
	 * @param commonName the CA's common name
	 * @param caType {@code root} or {@code intermediate}
	 * @param parentId for an intermediate, the id of the CA that signs it
	 * @param keySpec the CA's key
	 * @param validityDays how long the CA is valid
	 * @return the CA
	 */
	public CertificateAuthority createCa(String name, String commonName, String caType,
			@Nullable String parentId, KeySpec keySpec, int validityDays) {
		checkCa(name, caType, parentId, validityDays);
		// Outside the lock: an RSA 4096 key takes seconds, and every other PKI request would wait
		KeyPair keyPair = keySpec.generate();
		synchronized (this) {
			CertificateAuthority parent = checkCa(name, caType, parentId, validityDays);
			Instant now = now();
			CertificateAuthority ca = CertificateAuthority.create(Ids.next("ca"), name, commonName, parent, keySpec,
					keyPair, now, now.plus(Duration.ofDays(validityDays)));
			this.authorities.put(ca.id(), ca);
			register(new IssuedCertificate(ca.certificate(), null, (parent != null) ? parent.chain() : List.of(),
					(parent != null) ? parent.id() : ca.id()));
			logger.log(System.Logger.Level.DEBUG, () -> "Created " + ca);
			return ca;
		}
	}

	/**
	 * Check a new CA's fields; called before its key is generated and again, under the same lock
	 * as the creation, after.
	 * @return the parent CA of an intermediate, or {@code null} for a root
	 */
	private synchronized @Nullable CertificateAuthority checkCa(String name, String caType,
			@Nullable String parentId, int validityDays) {
		if (!"root".equals(caType) && !"intermediate".equals(caType)) {
			throw ApiException.validation("Field 'ca_type' must be root or intermediate", Map.of("field", "ca_type"));
		}
		if (validityDays < 1 || validityDays > 36500) {
			throw ApiException.validation("Field 'validity_days' must be from 1 to 36500",
					Map.of("field", "validity_days"));
		}
		for (CertificateAuthority existing : this.authorities.values()) {
			if (existing.name().equals(name)) {
				throw ApiException.conflict("A CA named '" + name + "' exists already (" + existing.id() + ")",
						Map.of("name", name, "ca_id", existing.id()));
			}
		}
		Instant notAfter = now().plus(Duration.ofDays(validityDays));
		CertificateAuthority parent = null;
		if ("intermediate".equals(caType)) {
			if (parentId == null) {
				throw ApiException.validation("Field 'parent_ca_id' is required for an intermediate CA",
						Map.of("field", "parent_ca_id"));
			}
			parent = ca(parentId);
			if (!parent.maySignCas()) {
				throw ApiException.validation("CA " + parentId + " may not sign another CA (its path length "
						+ "constraint is 0)", Map.of("field", "parent_ca_id"));
			}
			checkWithinIssuer(parent, notAfter, "validity_days");
		}
		else if (parentId != null) {
			throw ApiException.validation("Field 'parent_ca_id' is only for ca_type intermediate",
					Map.of("field", "parent_ca_id"));
		}
		return parent;
	}

	/**
	 * @param id a CA id
	 * @return the CA
	 * @throws ApiException {@code not_found}
	 */
	public synchronized CertificateAuthority ca(String id) {
		CertificateAuthority ca = this.authorities.get(id);
		if (ca == null) {
			throw ApiException.notFound("No CA with id '" + id + "'", Map.of("ca_id", id));
		}
		return ca;
	}

	/** @return every CA */
	public synchronized List<CertificateAuthority> cas() {
		return List.copyOf(this.authorities.values());
	}

	/**
	 * @param caId a CA id
	 * @return the CA's current CRL, signed now
	 */
	public X509CRL crl(String caId) {
		return CrlSigner.sign(ca(caId), now());
	}

	/**
	 * Create a role.
	 * @param role the role; its CA must exist and its name must be new
	 * @return the role
	 */
	public synchronized PkiRole createRole(PkiRole role) {
		ca(role.caId());
		if (this.roles.containsKey(role.name())) {
			throw ApiException.conflict("A role named '" + role.name() + "' exists already",
					Map.of("name", role.name()));
		}
		this.roles.put(role.name(), role);
		return role;
	}

	/**
	 * @param name a role name
	 * @return the role
	 * @throws ApiException {@code not_found}
	 */
	public synchronized PkiRole role(String name) {
		PkiRole role = this.roles.get(name);
		if (role == null) {
			throw ApiException.notFound("No PKI role named '" + name + "'", Map.of("role", name));
		}
		return role;
	}

	/**
	 * Issue a certificate and a new key from a role.
	 * @param roleName the role
	 * @param commonName the common name, also the first DNS name
	 * @param altNames more DNS names
	 * @param ipSans IP addresses
	 * @param ttl the lifetime, or {@code null} for the role's {@code max_ttl}
	 * @return the certificate with its key and chain
	 */
	public IssuedCertificate issue(String roleName, String commonName, List<String> altNames,
			List<String> ipSans, @Nullable Duration ttl) {
		// Roles and CAs never change once created, so the checks need no lock around the key
		// generation, which runs outside it: an RSA 4096 key takes seconds.
		PkiRole role = role(roleName);
		checkName(role, commonName, "common_name");
		for (String altName : altNames) {
			checkName(role, altName, "alt_names");
		}
		List<InetAddress> addresses = new ArrayList<>();
		if (!ipSans.isEmpty() && !role.allowIpSans()) {
			throw ApiException.validation("Field 'ip_sans' is not allowed: role '" + role.name()
					+ "' has allow_ip_sans false", Map.of("field", "ip_sans", "role", role.name()));
		}
		for (String ip : ipSans) {
			InetAddress address = DnsNames.parseIp(ip);
			if (address == null) {
				throw ApiException.validation("Field 'ip_sans' holds '" + ip + "', which is not an IP address",
						Map.of("field", "ip_sans"));
			}
			addresses.add(address);
		}
		Duration lifetime = (ttl != null) ? ttl : role.maxTtl();
		if (lifetime.compareTo(role.maxTtl()) > 0) {
			throw ApiException.validation("Field 'ttl' (" + Ttls.format(lifetime) + ") is above the max_ttl ("
					+ Ttls.format(role.maxTtl()) + ") of role '" + role.name() + "'",
					Map.of("field", "ttl", "max_ttl", Ttls.format(role.maxTtl())));
		}
		CertificateAuthority ca = ca(role.caId());
		checkWithinIssuer(ca, now().plus(lifetime), "ttl");
		Set<String> dnsNames = new LinkedHashSet<>();
		dnsNames.add(commonName);
		dnsNames.addAll(altNames);
		KeyPair keyPair = role.keySpec().generate();
		synchronized (this) {
			Instant now = now();
			Instant notAfter = now.plus(lifetime);
			checkWithinIssuer(ca, notAfter, "ttl");
			X509Certificate certificate = ca.sign(CertificateTemplate.leaf(
					CertificateSigner.commonName(commonName), keyPair.getPublic(), now, notAfter,
					List.copyOf(dnsNames), addresses, role.serverAuth(), role.clientAuth()));
			IssuedCertificate issued = new IssuedCertificate(certificate, keyPair.getPrivate(), ca.chain(),
					ca.id());
			register(issued);
			publishIssued(issued, Map.of("role", role.name()));
			return issued;
		}
	}

	/**
	 * Generate a key and a CSR; the key stays here.
	 * @param subject the subject name
	 * @param sanDns DNS names to request
	 * @param keySpec the key
	 * @return the pending CSR
	 */
	public CertificateSigningRequest generateCsr(X500Name subject, List<String> sanDns, KeySpec keySpec) {
		for (String name : sanDns) {
			if (!DnsNames.isValid(name)) {
				throw ApiException.validation("Field 'san_dns' holds '" + name + "', which is not a DNS name",
						Map.of("field", "san_dns"));
			}
		}
		// Outside the lock: generating the key may take seconds
		CertificateSigningRequest request = CertificateSigningRequest.generate(Ids.next("csr"), subject, sanDns,
				keySpec, now());
		synchronized (this) {
			this.requests.put(request.id(), request);
		}
		return request;
	}

	/**
	 * Import a CSR.
	 * @param pem its PEM text
	 * @return the pending CSR
	 */
	public synchronized CertificateSigningRequest importCsr(String pem) {
		CertificateSigningRequest request = CertificateSigningRequest.parse(Ids.next("csr"), pem, now());
		this.requests.put(request.id(), request);
		return request;
	}

	/**
	 * @param id a CSR id
	 * @return the CSR
	 * @throws ApiException {@code not_found}
	 */
	public synchronized CertificateSigningRequest csr(String id) {
		CertificateSigningRequest request = this.requests.get(id);
		if (request == null) {
			throw ApiException.notFound("No CSR with id '" + id + "'", Map.of("csr_id", id));
		}
		return request;
	}

	/**
	 * Approve a pending CSR; approving an approved CSR changes nothing.
	 * @param id the CSR id
	 * @return the CSR
	 */
	public synchronized CertificateSigningRequest approve(String id) {
		CertificateSigningRequest request = csr(id);
		if (request.status() == CertificateSigningRequest.Status.SIGNED) {
			throw ApiException.conflict("CSR " + id + " is signed already", Map.of("csr_id", id, "status", "signed"));
		}
		request.status(CertificateSigningRequest.Status.APPROVED);
		return request;
	}

	/**
	 * Sign an approved CSR.
	 * @param id the CSR id
	 * @param caId the signing CA
	 * @param validityDays the certificate's lifetime
	 * @return the certificate and chain (no key: the requester holds it)
	 */
	public synchronized IssuedCertificate sign(String id, String caId, int validityDays) {
		CertificateSigningRequest request = csr(id);
		if (request.status() != CertificateSigningRequest.Status.APPROVED) {
			throw ApiException.conflict("CSR " + id + " is " + request.status().jsonValue()
					+ "; only an approved CSR can be signed (approve it first)",
					Map.of("csr_id", id, "status", request.status().jsonValue()));
		}
		if (validityDays < 1) {
			throw ApiException.validation("Field 'validity_days' must be at least 1", Map.of("field", "validity_days"));
		}
		CertificateAuthority ca = ca(caId);
		Instant now = now();
		Instant notAfter = now.plus(Duration.ofDays(validityDays));
		checkWithinIssuer(ca, notAfter, "validity_days");
		X509Certificate certificate = ca.sign(CertificateTemplate.leaf(request.subject(), request.publicKey(), now,
				notAfter, request.dnsNames(), request.ipAddresses(), true, true));
		request.status(CertificateSigningRequest.Status.SIGNED);
		IssuedCertificate issued = new IssuedCertificate(certificate, null, ca.chain(), ca.id());
		register(issued);
		publishIssued(issued, Map.of("csr_id", id));
		return issued;
	}

	/**
	 * Revoke a certificate issued by one of the CAs; revoking twice keeps the first revocation.
	 * @param serialNumber the serial number, hex
	 * @param reason the reason, or {@code null}
	 */
	public synchronized void revoke(String serialNumber, @Nullable String reason) {
		BigInteger serial = IssuedCertificate.parseSerialNumber(serialNumber);
		IssuedCertificate issued = (serial != null) ? this.certificates.get(serial) : null;
		if (serial == null || issued == null) {
			throw ApiException.notFound("No certificate with serial number '" + serialNumber + "' was issued here",
					Map.of("serial_number", serialNumber));
		}
		ca(issued.caId()).revoke(new Revocation(serial, now(), RevocationReason.of(reason)));
	}

	/**
	 * @param certificate the certificate to validate
	 * @param chain certificates that help build its chain
	 * @param checkRevocation whether to check revocation
	 * @return the result
	 */
	public ValidationResult validate(X509Certificate certificate, List<X509Certificate> chain,
			boolean checkRevocation) {
		return new CertificateValidator(cas()).validate(certificate, chain, checkRevocation, now());
	}

	/** @return the dev clock's time, whole seconds as certificates hold it */
	public Instant now() {
		return this.clock.now().truncatedTo(ChronoUnit.SECONDS);
	}

	private synchronized void tick(Instant now) {
		for (IssuedCertificate issued : this.certificates.values()) {
			X509Certificate certificate = issued.certificate();
			BigInteger serial = certificate.getSerialNumber();
			if (certificate.getBasicConstraints() >= 0 || this.warned.contains(serial)) {
				continue;
			}
			Instant notBefore = certificate.getNotBefore().toInstant();
			Instant notAfter = certificate.getNotAfter().toInstant();
			Instant warnAt = notBefore.plus(Duration.between(notBefore, notAfter).multipliedBy(2).dividedBy(3));
			if (!now.isBefore(warnAt) && now.isBefore(notAfter)
					&& ca(issued.caId()).revocation(serial) == null) {
				this.warned.add(serial);
				this.events.publish(new Event("certificate.expiring", "pki/certificates/" + issued.serialNumber(),
						null, null, Map.of("serial_number", issued.serialNumber(), "common_name",
								commonName(certificate), "expires_at", issued.expiresAt().toString())));
			}
		}
	}

	private void register(IssuedCertificate issued) {
		this.certificates.put(issued.certificate().getSerialNumber(), issued);
	}

	private void publishIssued(IssuedCertificate issued, Map<String, Object> extra) {
		Map<String, Object> data = new LinkedHashMap<>(extra);
		data.put("serial_number", issued.serialNumber());
		data.put("common_name", commonName(issued.certificate()));
		data.put("ca_id", issued.caId());
		data.put("expires_at", issued.expiresAt().toString());
		this.events.publish(new Event("certificate.issued", "pki/certificates/" + issued.serialNumber(), null, null,
				data));
	}

	static String commonName(X509Certificate certificate) {
		X500Name name = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
		RDN[] rdns = name.getRDNs(BCStyle.CN);
		return (rdns.length > 0) ? IETFUtils.valueToString(rdns[0].getFirst().getValue()) : name.toString();
	}

	private static void checkName(PkiRole role, String name, String field) {
		if (!DnsNames.isValid(name)) {
			throw ApiException.validation("Field '" + field + "' holds '" + name + "', which is not a DNS name",
					Map.of("field", field));
		}
		if (!role.allows(name)) {
			throw ApiException.validation("Field '" + field + "' holds '" + name
					+ "', which is outside the allowed_domains " + role.allowedDomains() + " of role '" + role.name()
					+ "'" + (role.allowSubdomains() ? "" : " (allow_subdomains is false)"),
					Map.of("field", field, "role", role.name()));
		}
	}

	private static void checkWithinIssuer(CertificateAuthority issuer, Instant notAfter, String field) {
		Instant issuerNotAfter = issuer.certificate().getNotAfter().toInstant();
		if (notAfter.isAfter(issuerNotAfter)) {
			throw ApiException.validation("Field '" + field + "' asks for validity until " + notAfter
					+ ", after CA " + issuer.id() + " expires (" + issuerNotAfter + ")", Map.of("field", field));
		}
	}

}
