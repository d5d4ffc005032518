package ai.scailabs.scaivault.devserver.pki;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

/**
 * A certificate authority of the dev server: its certificate, its chain up to the root, its key
 * (which never leaves this object except to sign) and the certificates it has revoked.
 */
public final class CertificateAuthority {

	private final String id;

	private final String name;

	private final String commonName;

	private final @Nullable CertificateAuthority parent;

	private final KeySpec keySpec;

	private final KeyPair keyPair;

	private final X509Certificate certificate;

	private final Instant createdAt;

	private final Map<BigInteger, Revocation> revocations = new LinkedHashMap<>();

	private final AtomicLong crlNumber = new AtomicLong();

	CertificateAuthority(String id, String name, String commonName, @Nullable CertificateAuthority parent,
			KeySpec keySpec, KeyPair keyPair, X509Certificate certificate, Instant createdAt) {
		this.id = id;
		this.name = name;
		this.commonName = commonName;
		this.parent = parent;
		this.keySpec = keySpec;
		this.keyPair = keyPair;
		this.certificate = certificate;
		this.createdAt = createdAt;
	}

	/**
	 * Create a root or intermediate CA with a new key.
	 * @param id the CA's id
	 * @param name the CA's name
	 * @param commonName the CA's common name
	 * @param parent the CA that signs this one, or {@code null} for a self-signed root
	 * @param keySpec the key to generate
	 * @param notBefore start of validity
	 * @param notAfter end of validity
	 * @return the CA
	 */
	public static CertificateAuthority create(String id, String name, String commonName,
			@Nullable CertificateAuthority parent, KeySpec keySpec, Instant notBefore, Instant notAfter) {
		return create(id, name, commonName, parent, keySpec, keySpec.generate(), notBefore, notAfter);
	}

	/**
	 * Create a root or intermediate CA with a key generated beforehand.
	 * @param id the CA's id
	 * @param name the CA's name
	 * @param commonName the CA's common name
	 * @param parent the CA that signs this one, or {@code null} for a self-signed root
	 * @param keySpec the spec of the key
	 * @param keyPair the key, generated from the spec
	 * @param notBefore start of validity
	 * @param notAfter end of validity
	 * @return the CA
	 */
	public static CertificateAuthority create(String id, String name, String commonName,
			@Nullable CertificateAuthority parent, KeySpec keySpec, KeyPair keyPair, Instant notBefore,
			Instant notAfter) {
		Integer pathLength = null;
		if (parent != null) {
			Integer parentPathLength = parent.pathLength();
			pathLength = (parentPathLength != null) ? parentPathLength - 1 : 0;
		}
		CertificateTemplate template = CertificateTemplate.ca(CertificateSigner.commonName(commonName),
				keyPair.getPublic(), notBefore, notAfter, pathLength);
		X509Certificate certificate = (parent != null) ? parent.sign(template)
				: CertificateSigner.sign(template, CertificateSigner.newSerial(), null, keyPair.getPrivate());
		return new CertificateAuthority(id, name, commonName, parent, keySpec, keyPair, certificate, notBefore);
	}

	/**
	 * Sign a certificate with this CA's key.
	 * @param template what it says
	 * @return the certificate, with a new random serial number
	 */
	public X509Certificate sign(CertificateTemplate template) {
		return CertificateSigner.sign(template, CertificateSigner.newSerial(), this.certificate,
				this.keyPair.getPrivate());
	}

	/** @return how many CAs may follow this one, or {@code null} for no limit */
	public @Nullable Integer pathLength() {
		int constraint = this.certificate.getBasicConstraints();
		return (constraint == Integer.MAX_VALUE) ? null : constraint;
	}

	/** @return whether another CA may be created below this one */
	public boolean maySignCas() {
		Integer pathLength = pathLength();
		return pathLength == null || pathLength > 0;
	}

	PrivateKey privateKey() {
		return this.keyPair.getPrivate();
	}

	public String id() {
		return this.id;
	}

	public String name() {
		return this.name;
	}

	public String commonName() {
		return this.commonName;
	}

	/** @return {@code root} or {@code intermediate} */
	public String caType() {
		return (this.parent != null) ? "intermediate" : "root";
	}

	public @Nullable CertificateAuthority parent() {
		return this.parent;
	}

	public KeySpec keySpec() {
		return this.keySpec;
	}

	public X509Certificate certificate() {
		return this.certificate;
	}

	public Instant createdAt() {
		return this.createdAt;
	}

	/** @return this CA's certificate followed by its parents' up to the root */
	public List<X509Certificate> chain() {
		List<X509Certificate> chain = new ArrayList<>();
		for (CertificateAuthority ca = this; ca != null; ca = ca.parent) {
			chain.add(ca.certificate);
		}
		return chain;
	}

	/**
	 * Record the revocation of a certificate this CA issued; revoking twice keeps the first.
	 * @param revocation the revocation
	 */
	public synchronized void revoke(Revocation revocation) {
		this.revocations.putIfAbsent(revocation.serial(), revocation);
	}

	/**
	 * @param serial a serial number of a certificate this CA issued
	 * @return its revocation, or {@code null}
	 */
	public synchronized @Nullable Revocation revocation(BigInteger serial) {
		return this.revocations.get(serial);
	}

	/** @return every revocation, in order */
	public synchronized Collection<Revocation> revocations() {
		return List.copyOf(this.revocations.values());
	}

	/** @return the next CRL number */
	long nextCrlNumber() {
		return this.crlNumber.incrementAndGet();
	}

	@Override
	public String toString() {
		return "CertificateAuthority[id=" + this.id + ", name=" + this.name + ", type=" + caType() + "]";
	}

}
