package ai.scailabs.scaivault.devserver.tls;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The dev server's TLS material, made fresh at every start: a dev CA (EC P-256) and a server
 * certificate it issued for {@code localhost}, {@code 127.0.0.1} and {@code ::1}. Clients trust
 * it through {@link #clientContext()} or {@link #caCertificatePem()}. Keys never leave memory.
 */
public final class DevTls {

	private static final char[] STORE_PASSWORD = "dev-server".toCharArray();

	private final X509Certificate caCertificate;

	private final SSLContext serverContext;

	private final SSLContext clientContext;

	private DevTls(X509Certificate caCertificate, SSLContext serverContext, SSLContext clientContext) {
		this.caCertificate = caCertificate;
		this.serverContext = serverContext;
		this.clientContext = clientContext;
	}

	/** @return new TLS material */
	public static DevTls create() {
		try {
			SecureRandom random = new SecureRandom();
			Instant now = Instant.now();
			KeyPair caKeys = ecKeyPair(random);
			X500Name caName = new X500Name("CN=ScaiVault Dev Server CA (development only),O=ScaiVault Dev");
			JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
			X509v3CertificateBuilder caBuilder = new JcaX509v3CertificateBuilder(caName, serial(random),
					Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(3650))), caName,
					caKeys.getPublic())
				.addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
				.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
				.addExtension(Extension.subjectKeyIdentifier, false,
						extensions.createSubjectKeyIdentifier(caKeys.getPublic()));
			X509Certificate ca = sign(caBuilder, caKeys);
			KeyPair serverKeys = ecKeyPair(random);
			X509v3CertificateBuilder serverBuilder = new JcaX509v3CertificateBuilder(ca, serial(random),
					Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(825))),
					new X500Name("CN=localhost,O=ScaiVault Dev"), serverKeys.getPublic())
				.addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
				.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
				.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
				.addExtension(Extension.subjectAlternativeName, false,
						new GeneralNames(new GeneralName[] { new GeneralName(GeneralName.dNSName, "localhost"),
								new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
								new GeneralName(GeneralName.iPAddress, "::1") }))
				.addExtension(Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(ca));
			X509Certificate server = sign(serverBuilder, caKeys);

			KeyStore keyStore = KeyStore.getInstance("PKCS12");
			keyStore.load(null, null);
			keyStore.setKeyEntry("server", serverKeys.getPrivate(), STORE_PASSWORD,
					new X509Certificate[] { server, ca });
			KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
			keyManagers.init(keyStore, STORE_PASSWORD);
			SSLContext serverContext = SSLContext.getInstance("TLS");
			serverContext.init(keyManagers.getKeyManagers(), null, random);

			SSLContext clientContext = trusting(ca);
			return new DevTls(ca, serverContext, clientContext);
		}
		catch (GeneralSecurityException | IOException | OperatorCreationException ex) {
			throw new IllegalStateException("Cannot create the dev server's TLS material", ex);
		}
	}

	/**
	 * @param ca a CA certificate
	 * @return a client context that trusts only that CA
	 * @throws GeneralSecurityException when the JDK cannot build it
	 * @throws IOException never, in practice
	 */
	public static SSLContext trusting(X509Certificate ca) throws GeneralSecurityException, IOException {
		KeyStore trustStore = KeyStore.getInstance("PKCS12");
		trustStore.load(null, null);
		trustStore.setCertificateEntry("dev-ca", ca);
		TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trustManagers.init(trustStore);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, trustManagers.getTrustManagers(), new SecureRandom());
		return context;
	}

	private static KeyPair ecKeyPair(SecureRandom random) throws GeneralSecurityException {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(new ECGenParameterSpec("secp256r1"), random);
		return generator.generateKeyPair();
	}

	private static BigInteger serial(SecureRandom random) {
		return new BigInteger(64, random).add(BigInteger.ONE);
	}

	private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair signer)
			throws OperatorCreationException, GeneralSecurityException {
		return new JcaX509CertificateConverter()
			.getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate())));
	}

	/** @return the dev CA certificate */
	public X509Certificate caCertificate() {
		return this.caCertificate;
	}

	/** @return the dev CA certificate as PEM */
	public String caCertificatePem() {
		StringWriter out = new StringWriter();
		try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
			writer.writeObject(this.caCertificate);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString();
	}

	/** @return the server's context (its key and certificate chain) */
	public SSLContext serverContext() {
		return this.serverContext;
	}

	/** @return a client context that trusts the dev CA */
	public SSLContext clientContext() {
		return this.clientContext;
	}

}
