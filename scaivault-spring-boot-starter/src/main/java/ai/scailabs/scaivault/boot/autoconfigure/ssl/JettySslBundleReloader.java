package ai.scailabs.scaivault.boot.autoconfigure.ssl;

import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

import org.springframework.boot.jetty.ConfigurableJettyWebServerFactory;
import org.springframework.boot.jetty.JettyServerCustomizer;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundleKey;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.ssl.SslStoreBundle;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;

/**
 * Reloads Jetty's TLS connectors when their SSL bundle is updated, which Spring Boot does for Tomcat
 * and Reactor Netty only: each connector's {@link SslContextFactory} is
 * {@link SslContextFactory#reload reloaded} with the bundle's new stores. Handshakes under way
 * finish on the old context; new ones get the new certificate.
 */
final class JettySslBundleReloader implements WebServerFactoryCustomizer<ConfigurableJettyWebServerFactory> {

	private final SslBundles sslBundles;

	private final String bundleName;

	/**
	 * Create a reloader.
	 * @param sslBundles the application's bundles
	 * @param bundleName the bundle the server uses ({@code server.ssl.bundle})
	 */
	JettySslBundleReloader(SslBundles sslBundles, String bundleName) {
		this.sslBundles = sslBundles;
		this.bundleName = bundleName;
	}

	@Override
	public void customize(ConfigurableJettyWebServerFactory factory) {
		factory.addServerCustomizers(new ReloadOnUpdate());
	}

	private final class ReloadOnUpdate implements JettyServerCustomizer {

		@Override
		public void customize(Server server) {
			for (Connector connector : server.getConnectors()) {
				for (SslConnectionFactory ssl : connector.getConnectionFactories()
					.stream()
					.filter(SslConnectionFactory.class::isInstance)
					.map(SslConnectionFactory.class::cast)
					.toList()) {
					SslContextFactory contextFactory = ssl.getSslContextFactory();
					JettySslBundleReloader.this.sslBundles.addBundleUpdateHandler(
							JettySslBundleReloader.this.bundleName, (bundle) -> reload(contextFactory, bundle));
				}
			}
		}

		private void reload(SslContextFactory contextFactory, SslBundle bundle) {
			try {
				contextFactory.reload((reloaded) -> apply(reloaded, bundle));
			}
			catch (Exception ex) {
				throw new IllegalStateException("Jetty could not reload SSL bundle '"
						+ JettySslBundleReloader.this.bundleName + "': " + ex.getMessage(), ex);
			}
		}

		private void apply(SslContextFactory contextFactory, SslBundle bundle) {
			SslStoreBundle stores = bundle.getStores();
			SslBundleKey key = bundle.getKey();
			contextFactory.setKeyStore(stores.getKeyStore());
			if (stores.getKeyStorePassword() != null) {
				contextFactory.setKeyStorePassword(stores.getKeyStorePassword());
			}
			if (key.getPassword() != null) {
				contextFactory.setKeyManagerPassword(key.getPassword());
			}
			contextFactory.setCertAlias(key.getAlias());
			if (stores.getTrustStore() != null) {
				contextFactory.setTrustStore(stores.getTrustStore());
			}
		}

	}

}
