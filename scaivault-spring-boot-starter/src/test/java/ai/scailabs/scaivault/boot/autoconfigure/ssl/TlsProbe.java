package ai.scailabs.scaivault.boot.autoconfigure.ssl;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.function.Supplier;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import static org.assertj.core.api.Assertions.fail;

/**
 * Real TLS handshakes against a server: a new connection each time, trusting only the dev
 * server's CA, answering the served certificate.
 */
final class TlsProbe {

	private final SSLContext context;

	private final int port;

	TlsProbe(String caCertificatePem, int port) {
		this.context = trusting(caCertificatePem);
		this.port = port;
	}

	TlsProbe(SSLContext context, int port) {
		this.context = context;
		this.port = port;
	}

	/**
	 * Make a new TLS connection and return the server's certificate.
	 * @return the served certificate
	 * @throws IOException when the handshake fails
	 */
	X509Certificate handshake() throws IOException {
		try (SSLSocket socket = (SSLSocket) this.context.getSocketFactory().createSocket("localhost", this.port)) {
			socket.setSoTimeout(10_000);
			socket.startHandshake();
			return (X509Certificate) socket.getSession().getPeerCertificates()[0];
		}
	}

	String servedSerial() throws IOException {
		return handshake().getSerialNumber().toString(16);
	}

	/**
	 * Handshake until the served serial number differs from the given one, for at most 30 s.
	 * @param previous the serial number served before
	 * @return the new serial number
	 */
	String awaitServedSerialOtherThan(String previous) throws IOException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < deadline) {
			String serial = servedSerial();
			if (!new java.math.BigInteger(serial, 16).equals(new java.math.BigInteger(previous, 16))) {
				return serial;
			}
			Thread.onSpinWait();
		}
		return fail("The server still serves certificate " + previous + " after 30 s");
	}

	static <T> T await(Supplier<T> value, java.util.function.Predicate<T> condition, String what) {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < deadline) {
			T current = value.get();
			if (condition.test(current)) {
				return current;
			}
			Thread.onSpinWait();
		}
		return fail("Not within 30 s: " + what);
	}

	static SSLContext trusting(String caCertificatePem) {
		try {
			KeyStore trustStore = KeyStore.getInstance(KeyStore.getDefaultType());
			trustStore.load(null, null);
			trustStore.setCertificateEntry("ca", CertificateFactory.getInstance("X.509")
				.generateCertificate(new ByteArrayInputStream(caCertificatePem.getBytes(StandardCharsets.US_ASCII))));
			TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			factory.init(trustStore);
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(null, factory.getTrustManagers(), null);
			return context;
		}
		catch (GeneralSecurityException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
