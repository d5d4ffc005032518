package ai.scailabs.scaivault.devserver.pki;

import java.math.BigInteger;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.jspecify.annotations.Nullable;

/**
 * Signs X.509 v3 certificates from {@link CertificateTemplate}s with BouncyCastle's builders and
 * the JDK's signature providers (no JCE provider registration).
 */
public final class CertificateSigner {

	private static final SecureRandom RANDOM = new SecureRandom();

	private CertificateSigner() {
	}

	/**
	 * @param commonName a common name
	 * @return the name {@code CN=<commonName>}
	 */
	public static X500Name commonName(String commonName) {
		return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
	}

	/** @return a new random, positive 127-bit serial number */
	public static BigInteger newSerial() {
		return new BigInteger(127, RANDOM).setBit(120);
	}

	/**
	 * Sign a certificate.
	 * @param template what the certificate says
	 * @param serial its serial number
	 * @param issuer the issuing CA's certificate, or {@code null} for a self-signed certificate
	 * @param issuerKey the issuing CA's private key (the subject's own key when self-signed)
	 * @return the certificate
	 */
	public static X509Certificate sign(CertificateTemplate template, BigInteger serial,
			@Nullable X509Certificate issuer, PrivateKey issuerKey) {
		try {
			Date notBefore = Date.from(template.notBefore());
			Date notAfter = Date.from(template.notAfter());
			X509v3CertificateBuilder builder = (issuer != null)
					? new JcaX509v3CertificateBuilder(issuer, serial, notBefore, notAfter, template.subject(),
							template.publicKey())
					: new JcaX509v3CertificateBuilder(template.subject(), serial, notBefore, notAfter,
							template.subject(), template.publicKey());
			JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
			builder.addExtension(Extension.subjectKeyIdentifier, false,
					extensions.createSubjectKeyIdentifier(template.publicKey()));
			PublicKey authorityKey = (issuer != null) ? issuer.getPublicKey() : template.publicKey();
			builder.addExtension(Extension.authorityKeyIdentifier, false,
					extensions.createAuthorityKeyIdentifier(authorityKey));
			if (template.ca()) {
				BasicConstraints constraints = (template.pathLength() != null)
						? new BasicConstraints(template.pathLength()) : new BasicConstraints(true);
				builder.addExtension(Extension.basicConstraints, true, constraints);
				builder.addExtension(Extension.keyUsage, true,
						new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
			}
			else {
				builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
				int usage = KeyUsage.digitalSignature;
				if ("RSA".equals(template.publicKey().getAlgorithm())) {
					usage |= KeyUsage.keyEncipherment;
				}
				builder.addExtension(Extension.keyUsage, true, new KeyUsage(usage));
				List<KeyPurposeId> purposes = new ArrayList<>();
				if (template.serverAuth()) {
					purposes.add(KeyPurposeId.id_kp_serverAuth);
				}
				if (template.clientAuth()) {
					purposes.add(KeyPurposeId.id_kp_clientAuth);
				}
				if (!purposes.isEmpty()) {
					builder.addExtension(Extension.extendedKeyUsage, false,
							new ExtendedKeyUsage(purposes.toArray(KeyPurposeId[]::new)));
				}
			}
			GeneralNames names = subjectAlternativeNames(template);
			if (names != null) {
				builder.addExtension(Extension.subjectAlternativeName, false, names);
			}
			String algorithm = KeySpec.describe(authorityKey).signatureAlgorithm();
			ContentSigner signer = new JcaContentSignerBuilder(algorithm).build(issuerKey);
			return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
		}
		catch (GeneralSecurityException | OperatorCreationException | CertIOException ex) {
			throw new IllegalStateException("Cannot sign certificate for " + template.subject(), ex);
		}
	}

	private static @Nullable GeneralNames subjectAlternativeNames(CertificateTemplate template) {
		List<GeneralName> names = new ArrayList<>();
		for (String dnsName : template.dnsNames()) {
			names.add(new GeneralName(GeneralName.dNSName, dnsName));
		}
		for (InetAddress address : template.ipAddresses()) {
			names.add(new GeneralName(GeneralName.iPAddress, new DEROctetString(address.getAddress())));
		}
		return names.isEmpty() ? null : new GeneralNames(names.toArray(GeneralName[]::new));
	}

}
