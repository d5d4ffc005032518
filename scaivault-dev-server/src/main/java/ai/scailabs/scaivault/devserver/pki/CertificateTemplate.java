package ai.scailabs.scaivault.devserver.pki;

import java.net.InetAddress;
import java.security.PublicKey;
import java.time.Instant;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.jspecify.annotations.Nullable;

/**
 * What a certificate to sign says: who it is for, its key, when it is valid, and what it may do.
 *
 * @param subject the subject name
 * @param publicKey the subject's public key
 * @param notBefore start of validity
 * @param notAfter end of validity
 * @param ca whether the certificate is a CA certificate
 * @param pathLength for a CA, how many CAs may follow it in a chain; {@code null} for no limit
 * @param dnsNames DNS subject alternative names
 * @param ipAddresses IP subject alternative names
 * @param serverAuth whether to add the {@code serverAuth} extended key usage (end-entity only)
 * @param clientAuth whether to add the {@code clientAuth} extended key usage (end-entity only)
 */
public record CertificateTemplate(X500Name subject, PublicKey publicKey, Instant notBefore, Instant notAfter,
		boolean ca, @Nullable Integer pathLength, List<String> dnsNames, List<InetAddress> ipAddresses,
		boolean serverAuth, boolean clientAuth) {

	public CertificateTemplate {
		dnsNames = List.copyOf(dnsNames);
		ipAddresses = List.copyOf(ipAddresses);
	}

	/**
	 * A CA certificate template.
	 * @param subject the CA's name
	 * @param publicKey the CA's public key
	 * @param notBefore start of validity
	 * @param notAfter end of validity
	 * @param pathLength how many CAs may follow it, or {@code null} for no limit
	 * @return the template
	 */
	public static CertificateTemplate ca(X500Name subject, PublicKey publicKey, Instant notBefore, Instant notAfter,
			@Nullable Integer pathLength) {
		return new CertificateTemplate(subject, publicKey, notBefore, notAfter, true, pathLength, List.of(), List.of(),
				false, false);
	}

	/**
	 * An end-entity certificate template.
	 * @param subject the subject name
	 * @param publicKey the subject's public key
	 * @param notBefore start of validity
	 * @param notAfter end of validity
	 * @param dnsNames DNS subject alternative names
	 * @param ipAddresses IP subject alternative names
	 * @param serverAuth whether the certificate may authenticate a TLS server
	 * @param clientAuth whether the certificate may authenticate a TLS client
	 * @return the template
	 */
	public static CertificateTemplate leaf(X500Name subject, PublicKey publicKey, Instant notBefore,
			Instant notAfter, List<String> dnsNames, List<InetAddress> ipAddresses, boolean serverAuth,
			boolean clientAuth) {
		return new CertificateTemplate(subject, publicKey, notBefore, notAfter, false, null, dnsNames, ipAddresses,
				serverAuth, clientAuth);
	}

}
