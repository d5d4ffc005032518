package ai.scailabs.scaivault.boot.autoconfigure.ssl;

import java.security.KeyStore;
import java.security.Provider;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.KeyManagerFactorySpi;
import javax.net.ssl.ManagerFactoryParameters;
import javax.net.ssl.TrustManagerFactory;

import org.springframework.boot.ssl.SslManagerBundle;

/**
 * The {@link SslManagerBundle} of a ScaiVault bundle: factories whose one key manager and one trust
 * manager always serve the current certificate, so an {@code SSLContext}, a Reactor Netty server or
 * an HTTP client built once from the bundle presents the renewed certificate on its next handshake.
 */
final class ReloadingSslManagerBundle implements SslManagerBundle {

	private static final Provider PROVIDER = new Provider("ScaiVaultSslBundle", "1.0",
			"Key managers that serve a ScaiVault SSL bundle's current certificate") {

		private static final long serialVersionUID = 1L;

	};

	private final ReloadingKeyManager keyManager = new ReloadingKeyManager();

	private final ReloadingTrustManager trustManager = new ReloadingTrustManager();

	private final KeyManagerFactory keyManagerFactory = new ReloadingKeyManagerFactory(this.keyManager);

	private final TrustManagerFactory trustManagerFactory = SslManagerBundle.from(this.trustManager)
		.getTrustManagerFactory();

	/**
	 * Serve the given certificate from now on.
	 * @param material the certificate
	 * @param stores its stores
	 */
	void reload(CertificateMaterial material, org.springframework.boot.ssl.SslStoreBundle stores) {
		this.trustManager.reload(stores.getTrustStore());
		this.keyManager.reload(material.alias(), stores);
	}

	@Override
	public KeyManagerFactory getKeyManagerFactory() {
		return this.keyManagerFactory;
	}

	@Override
	public TrustManagerFactory getTrustManagerFactory() {
		return this.trustManagerFactory;
	}

	private static final class ReloadingKeyManagerFactory extends KeyManagerFactory {

		ReloadingKeyManagerFactory(ReloadingKeyManager keyManager) {
			super(new Spi(keyManager), PROVIDER, KeyManagerFactory.getDefaultAlgorithm());
		}

	}

	private static final class Spi extends KeyManagerFactorySpi {

		private final KeyManager[] keyManagers;

		Spi(ReloadingKeyManager keyManager) {
			this.keyManagers = new KeyManager[] { keyManager };
		}

		@Override
		protected void engineInit(KeyStore keyStore, char[] password) {
			// the managers follow the bundle, not a key store
		}

		@Override
		protected void engineInit(ManagerFactoryParameters parameters) {
			// the managers follow the bundle, not parameters
		}

		@Override
		protected KeyManager[] engineGetKeyManagers() {
			return this.keyManagers.clone();
		}

	}

}
