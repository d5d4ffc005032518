package ai.scailabs.scaivault.boot.autoconfigure.client;

import java.util.function.Supplier;

import javax.net.ssl.SSLContext;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundles;

/**
 * Resolves {@code scaivault.ssl.bundle} to the {@link SSLContext} of the client.
 */
public final class SslBundleContexts {

	private SslBundleContexts() {
	}

	/**
	 * Return the SSL context of the named bundle. The bundles are looked up only when a bundle is
	 * named: the bundle registry holds the bundles ScaiVault issues, whose issuer needs the client,
	 * so a client that trusts the JVM's default must not wait for the registry.
	 * @param bundleName the value of {@code scaivault.ssl.bundle}, or {@code null} for the JVM's
	 * default
	 * @param sslBundles supplies the application's bundles, or {@code null} when there are none;
	 * called only when a bundle is named
	 * @return the SSL context, or {@code null} when no bundle is named
	 * @throws IllegalStateException when the bundle does not exist, naming the property to fix
	 */
	public static @Nullable SSLContext resolve(@Nullable String bundleName,
			Supplier<@Nullable SslBundles> sslBundles) {
		if (bundleName == null || bundleName.isBlank()) {
			return null;
		}
		return resolve(bundleName, sslBundles.get());
	}

	private static SSLContext resolve(String bundleName, @Nullable SslBundles sslBundles) {
		if (sslBundles == null) {
			throw noBundle(bundleName);
		}
		try {
			return sslBundles.getBundle(bundleName).createSslContext();
		}
		catch (NoSuchSslBundleException ex) {
			// its message does not say which property named the bundle
			throw noBundle(bundleName);
		}
	}

	private static IllegalStateException noBundle(String bundleName) {
		return new IllegalStateException("scaivault.ssl.bundle names the SSL bundle '" + bundleName
				+ "', which does not exist: define it under spring.ssl.bundle.pem." + bundleName
				+ " (or spring.ssl.bundle.jks." + bundleName + "), or remove scaivault.ssl.bundle");
	}

}
