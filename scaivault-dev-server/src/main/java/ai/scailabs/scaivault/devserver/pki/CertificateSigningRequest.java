package ai.scailabs.scaivault.devserver.pki;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.pkcs.Attribute;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.jspecify.annotations.Nullable;

import ai.scailabs.scaivault.devserver.http.ApiException;

/**
 * A PKCS#10 certificate signing request held by the dev server, generated here (then its key
 * stays here) or imported, with its approval status.
 */
public final class CertificateSigningRequest {

	/** The status of a CSR. */
	public enum Status {

		/** Waiting for approval. */
		PENDING,

		/** Approved: it may be signed. */
		APPROVED,

		/** Signed: a certificate was issued for it. */
		SIGNED;

		/** @return the status as written in JSON */
		public String jsonValue() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	private final String id;

	private final PKCS10CertificationRequest request;

	private final PublicKey publicKey;

	private final @Nullable KeyPair keyPair;

	private final Instant createdAt;

	private volatile Status status = Status.PENDING;

	private CertificateSigningRequest(String id, PKCS10CertificationRequest request, PublicKey publicKey,
			@Nullable KeyPair keyPair, Instant createdAt) {
		this.id = id;
		this.request = request;
		this.publicKey = publicKey;
		this.keyPair = keyPair;
		this.createdAt = createdAt;
	}

	/**
	 * Generate a key and a CSR signed with it.
	 * @param id the CSR's id
	 * @param subject the subject name
	 * @param sanDns DNS subject alternative names to request
	 * @param keySpec the key to generate
	 * @param now the current time
	 * @return the CSR, pending
	 */
	public static CertificateSigningRequest generate(String id, X500Name subject, List<String> sanDns,
			KeySpec keySpec, Instant now) {
		KeyPair keyPair = keySpec.generate();
		try {
			JcaPKCS10CertificationRequestBuilder builder = new JcaPKCS10CertificationRequestBuilder(subject,
					keyPair.getPublic());
			if (!sanDns.isEmpty()) {
				GeneralNames names = new GeneralNames(sanDns.stream()
					.map((name) -> new GeneralName(GeneralName.dNSName, name))
					.toArray(GeneralName[]::new));
				ExtensionsGenerator extensions = new ExtensionsGenerator();
				extensions.addExtension(Extension.subjectAlternativeName, false, names);
				builder.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate());
			}
			PKCS10CertificationRequest request = builder
				.build(new JcaContentSignerBuilder(keySpec.signatureAlgorithm()).build(keyPair.getPrivate()));
			return new CertificateSigningRequest(id, request, keyPair.getPublic(), keyPair, now);
		}
		catch (IOException | OperatorCreationException ex) {
			throw new IllegalStateException("Cannot build CSR", ex);
		}
	}

	/**
	 * Import a CSR from PEM, checking its encoding, key type and self-signature.
	 * @param id the CSR's id
	 * @param pem the {@code CERTIFICATE REQUEST} PEM text
	 * @param now the current time
	 * @return the CSR, pending
	 * @throws ApiException {@code validation_error} naming {@code csr_pem}
	 */
	public static CertificateSigningRequest parse(String id, String pem, Instant now) {
		List<byte[]> blocks;
		try {
			blocks = Pem.decode(pem, "CERTIFICATE REQUEST");
			if (blocks.isEmpty()) {
				blocks = Pem.decode(pem, "NEW CERTIFICATE REQUEST");
			}
		}
		catch (IllegalArgumentException ex) {
			blocks = List.of();
		}
		if (blocks.size() != 1) {
			throw invalid("is not one PEM 'CERTIFICATE REQUEST' block");
		}
		PKCS10CertificationRequest request;
		PublicKey publicKey;
		try {
			request = new PKCS10CertificationRequest(blocks.get(0));
			publicKey = new JcaPKCS10CertificationRequest(request).getPublicKey();
		}
		catch (IOException | RuntimeException | GeneralSecurityException ex) {
			throw invalid("is not a valid PKCS#10 certificate request");
		}
		try {
			KeySpec.describe(publicKey);
		}
		catch (ApiException ex) {
			throw invalid("has a key that is not supported (" + ex.getMessage() + ")");
		}
		try {
			if (!request.isSignatureValid(new JcaContentVerifierProviderBuilder().build(publicKey))) {
				throw invalid("has a signature that does not match its public key");
			}
		}
		catch (OperatorCreationException | PKCSException ex) {
			throw invalid("has a signature that cannot be verified");
		}
		return new CertificateSigningRequest(id, request, publicKey, null, now);
	}

	private static ApiException invalid(String problem) {
		return ApiException.validation("Field 'csr_pem' " + problem, Map.of("field", "csr_pem"));
	}

	public String id() {
		return this.id;
	}

	public Status status() {
		return this.status;
	}

	void status(Status status) {
		this.status = status;
	}

	public Instant createdAt() {
		return this.createdAt;
	}

	/** @return whether the private key was generated here (and stays here) */
	public boolean generated() {
		return this.keyPair != null;
	}

	public X500Name subject() {
		return this.request.getSubject();
	}

	public PublicKey publicKey() {
		return this.publicKey;
	}

	/** @return the CSR as PEM */
	public String pem() {
		try {
			return Pem.encode("CERTIFICATE REQUEST", this.request.getEncoded());
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot encode CSR", ex);
		}
	}

	/** @return the DNS names the CSR asks for */
	public List<String> dnsNames() {
		List<String> names = new ArrayList<>();
		for (GeneralName name : requestedNames()) {
			if (name.getTagNo() == GeneralName.dNSName) {
				names.add(((ASN1String) name.getName()).getString());
			}
		}
		return names;
	}

	/** @return the IP addresses the CSR asks for */
	public List<InetAddress> ipAddresses() {
		List<InetAddress> addresses = new ArrayList<>();
		for (GeneralName name : requestedNames()) {
			if (name.getTagNo() == GeneralName.iPAddress) {
				try {
					addresses.add(InetAddress.getByAddress(ASN1OctetString.getInstance(name.getName()).getOctets()));
				}
				catch (UnknownHostException ex) {
					// not an address: not copied to the certificate
				}
			}
		}
		return addresses;
	}

	private List<GeneralName> requestedNames() {
		List<GeneralName> names = new ArrayList<>();
		for (Attribute attribute : this.request.getAttributes(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest)) {
			if (attribute.getAttrValues().size() == 0) {
				continue;
			}
			Extensions extensions = Extensions.getInstance(attribute.getAttrValues().getObjectAt(0));
			GeneralNames generalNames = GeneralNames.fromExtensions(extensions, Extension.subjectAlternativeName);
			if (generalNames != null) {
				names.addAll(List.of(generalNames.getNames()));
			}
		}
		return names;
	}

	@Override
	public String toString() {
		return "CertificateSigningRequest[id=" + this.id + ", subject=" + subject() + ", status="
				+ this.status.jsonValue() + "]";
	}

}
