package ai.scailabs.scaivault.devserver.pki;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PEM text for certificates, CSRs, CRLs and PKCS#8 private keys (RFC 7468).
 */
public final class Pem {

	private static final Pattern BLOCK = Pattern
		.compile("-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*)-----END \\1-----");

	private Pem() {
	}

	/**
	 * @param type the label, such as {@code CERTIFICATE}
	 * @param der the DER bytes
	 * @return the PEM text, with a trailing newline
	 */
	public static String encode(String type, byte[] der) {
		String body = Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(der);
		return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
	}

	/**
	 * @param certificate a certificate
	 * @return its PEM text
	 */
	public static String certificate(X509Certificate certificate) {
		try {
			return encode("CERTIFICATE", certificate.getEncoded());
		}
		catch (CertificateEncodingException ex) {
			throw new IllegalStateException("Cannot encode certificate", ex);
		}
	}

	/**
	 * @param key a private key
	 * @return its unencrypted PKCS#8 PEM text ({@code PRIVATE KEY})
	 */
	public static String privateKey(PrivateKey key) {
		return encode("PRIVATE KEY", key.getEncoded());
	}

	/**
	 * @param crl a CRL
	 * @return its PEM text
	 */
	public static String crl(X509CRL crl) {
		try {
			return encode("X509 CRL", crl.getEncoded());
		}
		catch (java.security.cert.CRLException ex) {
			throw new IllegalStateException("Cannot encode CRL", ex);
		}
	}

	/**
	 * Decode every block of one type.
	 * @param text PEM text, possibly several blocks
	 * @param type the label to keep
	 * @return the DER bytes of each block of that type, in order
	 * @throws IllegalArgumentException if a block is not valid base64
	 */
	public static List<byte[]> decode(String text, String type) {
		List<byte[]> blocks = new ArrayList<>();
		Matcher matcher = BLOCK.matcher(text);
		while (matcher.find()) {
			if (matcher.group(1).equals(type)) {
				blocks.add(Base64.getMimeDecoder().decode(matcher.group(2)));
			}
		}
		return blocks;
	}

	/**
	 * Decode every certificate of PEM text.
	 * @param text PEM text with zero or more {@code CERTIFICATE} blocks
	 * @return the certificates, in order
	 * @throws IllegalArgumentException if a block is not a certificate
	 */
	public static List<X509Certificate> certificates(String text) {
		List<X509Certificate> certificates = new ArrayList<>();
		try {
			CertificateFactory factory = CertificateFactory.getInstance("X.509");
			for (byte[] der : decode(text, "CERTIFICATE")) {
				certificates.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
			}
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalArgumentException("Not an X.509 certificate", ex);
		}
		return certificates;
	}

}
