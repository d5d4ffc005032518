package ai.scailabs.scaivault.boot.autoconfigure.ssl;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

import org.jspecify.annotations.Nullable;

/**
 * An {@link X509ExtendedTrustManager} that always trusts a bundle's current CA chain: it delegates
 * to the trust manager of the latest issued chain, swapped atomically on renewal.
 */
final class ReloadingTrustManager extends X509ExtendedTrustManager {

	private volatile @Nullable X509ExtendedTrustManager delegate;

	/**
	 * Trust the CA certificates of the given store from now on.
	 * @param trustStore the issuing chain of the bundle's current certificate
	 */
	void reload(KeyStore trustStore) {
		this.delegate = trustManager(trustStore);
	}

	private X509ExtendedTrustManager delegate() throws CertificateException {
		X509ExtendedTrustManager current = this.delegate;
		if (current == null) {
			throw new CertificateException("The ScaiVault SSL bundle has no certificate yet");
		}
		return current;
	}

	private static X509ExtendedTrustManager trustManager(KeyStore trustStore) {
		try {
			TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			factory.init(trustStore);
			for (TrustManager manager : factory.getTrustManagers()) {
				if (manager instanceof X509ExtendedTrustManager x509) {
					return x509;
				}
			}
			throw new IllegalStateException("The JDK offers no X509ExtendedTrustManager");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not load the issuing CA chain into a trust manager", ex);
		}
	}

	@Override
	public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
			throws CertificateException {
		delegate().checkClientTrusted(chain, authType, socket);
	}

	@Override
	public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
			throws CertificateException {
		delegate().checkServerTrusted(chain, authType, socket);
	}

	@Override
	public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
			throws CertificateException {
		delegate().checkClientTrusted(chain, authType, engine);
	}

	@Override
	public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
			throws CertificateException {
		delegate().checkServerTrusted(chain, authType, engine);
	}

	@Override
	public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
		delegate().checkClientTrusted(chain, authType);
	}

	@Override
	public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
		delegate().checkServerTrusted(chain, authType);
	}

	@Override
	public X509Certificate[] getAcceptedIssuers() {
		X509ExtendedTrustManager current = this.delegate;
		return (current != null) ? current.getAcceptedIssuers() : new X509Certificate[0];
	}

}
