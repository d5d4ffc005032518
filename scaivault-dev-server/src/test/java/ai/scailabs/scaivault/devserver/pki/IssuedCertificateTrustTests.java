package ai.scailabs.scaivault.devserver.pki;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import ai.scailabs.scaivault.devserver.ScaiVaultDevServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Certificates issued over HTTP are real: the JDK's PKIX validator accepts them with the CA as
 * trust anchor, they serve real TLS handshakes, and after revocation the CA's CRL makes PKIX
 * validation fail.
 */
class IssuedCertificateTrustTests {

	static ScaiVaultDevServer server;

	static PkiHttp pki;

	static String ecRootId;

	static String rsaRootId;

	@BeforeAll
	static void start() {
		server = ScaiVaultDevServer.builder().start();
		pki = new PkiHttp(server);
		ecRootId = pki.createRootCa("trust-ec", "ec", 384).path("id").asString();
		rsaRootId = pki.createRootCa("trust-rsa", "rsa", 2048).path("id").asString();
		pki.createRole("ec-web", ecRootId, "ec", 256);
		pki.createRole("rsa-web", rsaRootId, "rsa", 2048);
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@Test
	void issuedCertificateValidatesUnderPkixWithCaAsTrustAnchor() throws Exception {
		JsonNode issued = pki.issue("ec-web", "pkix.svc.cluster.local", List.of(), List.of());
		X509Certificate ca = caCertificate(ecRootId);
		PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(ca, null)));
		parameters.setRevocationEnabled(false);
		CertPathValidator.getInstance("PKIX").validate(path(issued.path("certificate_pem").asString()), parameters);
	}

	@Test
	void certificateOfIntermediateCaValidatesUnderPkixWithRootAsTrustAnchor() throws Exception {
		String intermediateId = pki.createIntermediateCa("trust-issuing", ecRootId).path("id").asString();
		pki.createRole("via-intermediate", intermediateId, "ec", 256);
		JsonNode issued = pki.issue("via-intermediate", "chain.svc.cluster.local", List.of(), List.of());
		List<String> chain = PkiHttp.strings(issued.path("ca_chain"));
		assertThat(chain).hasSize(2);
		CertPath path = path(issued.path("certificate_pem").asString(), chain.get(0));
		PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(caCertificate(ecRootId), null)));
		parameters.setRevocationEnabled(true);
		parameters.addCertPathChecker(crlOnlyChecker());
		parameters.addCertStore(crlStore(crl(ecRootId), crl(intermediateId)));
		CertPathValidator.getInstance("PKIX").validate(path, parameters);
	}

	@Test
	void certificateOfOtherCaFailsPkixValidation() throws Exception {
		JsonNode issued = pki.issue("rsa-web", "other.svc.cluster.local", List.of(), List.of());
		PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(caCertificate(ecRootId), null)));
		parameters.setRevocationEnabled(false);
		assertThatExceptionOfType(CertPathValidatorException.class).isThrownBy(() -> CertPathValidator
			.getInstance("PKIX")
			.validate(path(issued.path("certificate_pem").asString()), parameters));
	}

	@Test
	void revokedCertificateFailsPkixValidationWithCaCrl() throws Exception {
		JsonNode issued = pki.issue("ec-web", "revoke-me.svc.cluster.local", List.of(), List.of());
		CertPath path = path(issued.path("certificate_pem").asString());
		X509Certificate ca = caCertificate(ecRootId);
		CertPathValidator.getInstance("PKIX").validate(path, revocationParameters(ca, crl(ecRootId)));
		int status = pki.post("/v1/pki/certificates/" + issued.path("serial_number").asString() + "/revoke",
				Map.of("reason", "key_compromise"))
			.status();
		assertThat(status).isEqualTo(204);
		PKIXParameters parameters = revocationParameters(ca, crl(ecRootId));
		assertThatExceptionOfType(CertPathValidatorException.class)
			.isThrownBy(() -> CertPathValidator.getInstance("PKIX").validate(path, parameters))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(CertPathValidatorException.BasicReason.REVOKED));
		JsonNode result = pki.post("/v1/pki/validate",
				Map.of("certificate_pem", issued.path("certificate_pem").asString(), "check_revocation", true))
			.json();
		assertThat(result.path("valid").asBoolean()).isFalse();
	}

	@Test
	void issuedEcCertificateServesMutualTlsHandshake() throws Exception {
		JsonNode serverCertificate = pki.issue("ec-web", "localhost", List.of(), List.of("127.0.0.1"));
		JsonNode clientCertificate = pki.issue("ec-web", "client.svc.cluster.local", List.of(), List.of());
		X509Certificate ca = caCertificate(ecRootId);
		SSLContext serverContext = sslContext(serverCertificate, ca);
		SSLContext clientContext = sslContext(clientCertificate, ca);
		X509Certificate peer = handshake(serverContext, clientContext, true);
		assertThat(peer.getSerialNumber().toString(16)).isEqualTo(serverCertificate.path("serial_number").asString());
	}

	@Test
	void issuedRsaCertificateServesTlsHandshake() throws Exception {
		JsonNode serverCertificate = pki.issue("rsa-web", "localhost", List.of(), List.of("127.0.0.1"));
		X509Certificate ca = caCertificate(rsaRootId);
		SSLContext serverContext = sslContext(serverCertificate, ca);
		SSLContext clientContext = sslContext(null, ca);
		X509Certificate peer = handshake(serverContext, clientContext, false);
		assertThat(peer.getPublicKey().getAlgorithm()).isEqualTo("RSA");
		assertThat(peer.getSerialNumber().toString(16)).isEqualTo(serverCertificate.path("serial_number").asString());
	}

	@Test
	void certificateOfIntermediateCaServesTlsHandshakeToClientTrustingOnlyRoot() throws Exception {
		String intermediateId = pki.createIntermediateCa("tls-issuing", rsaRootId).path("id").asString();
		pki.createRole("tls-via-intermediate", intermediateId, "ec", 256);
		JsonNode serverCertificate = pki.issue("tls-via-intermediate", "localhost", List.of(), List.of());
		SSLContext serverContext = sslContext(serverCertificate, caCertificate(rsaRootId));
		SSLContext clientContext = sslContext(null, caCertificate(rsaRootId));
		X509Certificate peer = handshake(serverContext, clientContext, false);
		assertThat(peer.getSerialNumber().toString(16)).isEqualTo(serverCertificate.path("serial_number").asString());
	}

	@Test
	void clientTrustingOnlyAnotherCaRefusesHandshake() throws Exception {
		JsonNode serverCertificate = pki.issue("rsa-web", "localhost", List.of(), List.of());
		SSLContext serverContext = sslContext(serverCertificate, caCertificate(rsaRootId));
		SSLContext clientContext = sslContext(null, caCertificate(ecRootId));
		assertThatExceptionOfType(Exception.class)
			.isThrownBy(() -> handshake(serverContext, clientContext, false));
	}

	/**
	 * Handshake on loopback, the client checking the host name {@code localhost}, and return the
	 * server certificate the client saw.
	 */
	private static X509Certificate handshake(SSLContext serverContext, SSLContext clientContext, boolean needClientAuth)
			throws Exception {
		try (SSLServerSocket listener = (SSLServerSocket) serverContext.getServerSocketFactory()
			.createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			listener.setNeedClientAuth(needClientAuth);
			CompletableFuture<String> served = CompletableFuture.supplyAsync(() -> {
				try (SSLSocket socket = (SSLSocket) listener.accept()) {
					socket.startHandshake();
					OutputStream out = socket.getOutputStream();
					out.write('k');
					out.flush();
					return socket.getSession().getProtocol();
				}
				catch (Exception ex) {
					return "failed: " + ex.getClass().getSimpleName();
				}
			});
			try (Socket plain = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
					SSLSocket socket = (SSLSocket) clientContext.getSocketFactory()
						.createSocket(plain, "localhost", listener.getLocalPort(), true)) {
				SSLParameters parameters = socket.getSSLParameters();
				parameters.setEndpointIdentificationAlgorithm("HTTPS");
				socket.setSSLParameters(parameters);
				socket.startHandshake();
				InputStream in = socket.getInputStream();
				assertThat(in.read()).isEqualTo('k');
				assertThat(served.get(30, TimeUnit.SECONDS)).startsWith("TLS");
				return (X509Certificate) socket.getSession().getPeerCertificates()[0];
			}
		}
	}

	private static SSLContext sslContext(JsonNode issued, X509Certificate ca) throws Exception {
		KeyManagerFactory keyManagers = null;
		if (issued != null) {
			KeyStore keys = KeyStore.getInstance("PKCS12");
			keys.load(null, null);
			List<Certificate> chain = new ArrayList<>();
			chain.add(PkiFeatureTests.certificate(issued.path("certificate_pem").asString()));
			for (String pem : PkiHttp.strings(issued.path("ca_chain"))) {
				chain.add(PkiFeatureTests.certificate(pem));
			}
			keys.setKeyEntry("key", privateKey(issued.path("private_key_pem").asString(), chain.get(0)),
					"changeit".toCharArray(), chain.toArray(Certificate[]::new));
			keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
			keyManagers.init(keys, "changeit".toCharArray());
		}
		KeyStore trust = KeyStore.getInstance("PKCS12");
		trust.load(null, null);
		trust.setCertificateEntry("ca", ca);
		TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trustManagers.init(trust);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init((keyManagers != null) ? keyManagers.getKeyManagers() : null, trustManagers.getTrustManagers(),
				null);
		return context;
	}

	private static PrivateKey privateKey(String pem, Certificate certificate) throws Exception {
		byte[] der = Pem.decode(pem, "PRIVATE KEY").get(0);
		return KeyFactory.getInstance(certificate.getPublicKey().getAlgorithm())
			.generatePrivate(new PKCS8EncodedKeySpec(der));
	}

	private static PKIXParameters revocationParameters(X509Certificate ca, X509CRL crl) throws Exception {
		PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(ca, null)));
		parameters.setRevocationEnabled(true);
		parameters.addCertPathChecker(crlOnlyChecker());
		parameters.addCertStore(crlStore(crl));
		return parameters;
	}

	private static PKIXRevocationChecker crlOnlyChecker() throws Exception {
		PKIXRevocationChecker checker = (PKIXRevocationChecker) CertPathValidator.getInstance("PKIX")
			.getRevocationChecker();
		checker.setOptions(EnumSet.of(PKIXRevocationChecker.Option.PREFER_CRLS,
				PKIXRevocationChecker.Option.NO_FALLBACK));
		return checker;
	}

	private static CertStore crlStore(X509CRL... crls) throws Exception {
		return CertStore.getInstance("Collection", new CollectionCertStoreParameters(List.of(crls)));
	}

	private static X509CRL crl(String caId) throws Exception {
		return PkiFeatureTests.crl(pki.get("/v1/pki/cas/" + caId + "/crl").json().path("crl_pem").asString());
	}

	private static X509Certificate caCertificate(String caId) throws Exception {
		return PkiFeatureTests.certificate(pki.get("/v1/pki/cas/" + caId).json().path("certificate_pem").asString());
	}

	private static CertPath path(String... pems) throws Exception {
		List<X509Certificate> certificates = new ArrayList<>();
		for (String pem : pems) {
			certificates.add(PkiFeatureTests.certificate(pem));
		}
		return CertificateFactory.getInstance("X.509").generateCertPath(certificates);
	}

}
