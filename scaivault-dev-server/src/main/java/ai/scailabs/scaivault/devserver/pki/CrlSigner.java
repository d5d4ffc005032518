package ai.scailabs.scaivault.devserver.pki;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.cert.X509CRL;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Signs the X.509 v2 CRL of a {@link CertificateAuthority}.
 */
public final class CrlSigner {

	/** How long a CRL is current: its {@code nextUpdate} is this far after {@code thisUpdate}. */
	public static final Duration LIFETIME = Duration.ofDays(1);

	private CrlSigner() {
	}

	/**
	 * @param ca the CA
	 * @param now the CRL's {@code thisUpdate}
	 * @return the CA's current CRL, listing every certificate it revoked
	 */
	public static X509CRL sign(CertificateAuthority ca, Instant now) {
		try {
			X509v2CRLBuilder builder = new JcaX509v2CRLBuilder(ca.certificate(), Date.from(now));
			builder.setNextUpdate(Date.from(now.plus(LIFETIME)));
			for (Revocation revocation : ca.revocations()) {
				builder.addCRLEntry(revocation.serial(), Date.from(revocation.revokedAt()),
						revocation.reason().code());
			}
			builder.addExtension(Extension.authorityKeyIdentifier, false,
					new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(ca.certificate()));
			builder.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(ca.nextCrlNumber())));
			return new JcaX509CRLConverter().getCRL(builder.build(
					new JcaContentSignerBuilder(ca.keySpec().signatureAlgorithm()).build(ca.privateKey())));
		}
		catch (GeneralSecurityException | OperatorCreationException | CertIOException ex) {
			throw new IllegalStateException("Cannot sign the CRL of CA " + ca.id(), ex);
		}
	}

}
