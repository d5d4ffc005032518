package ai.scailabs.scaivault.config.data;

import javax.net.ssl.SSLContext;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.ssl.JksSslBundleProperties;
import org.springframework.boot.autoconfigure.ssl.PemSslBundleProperties;
import org.springframework.boot.autoconfigure.ssl.PropertiesSslBundle;
import org.springframework.boot.autoconfigure.ssl.SslProperties;
import org.springframework.boot.bootstrap.BootstrapContext;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.util.ClassUtils;

/**
 * Finds the SSL bundle named by {@code scaivault.ssl.bundle} before the application context exists:
 * in an {@link SslBundles} registered in the bootstrap context, else among the
 * {@code spring.ssl.bundle.pem.*} and {@code spring.ssl.bundle.jks.*} properties bound so far (the
 * same properties Spring Boot's {@code SslAutoConfiguration} reads later).
 *
 * @author ScaiLabs
 */
final class BootstrapSslContexts {

	private static final boolean AUTOCONFIGURE_PRESENT = ClassUtils.isPresent(
			"org.springframework.boot.autoconfigure.ssl.PropertiesSslBundle", BootstrapSslContexts.class.getClassLoader());

	private BootstrapSslContexts() {
	}

	/**
	 * Return the SSL context of the named bundle.
	 * @param bundle the bundle name
	 * @param bootstrap the bootstrap context
	 * @param binder binder of the environment so far
	 * @return the SSL context
	 * @throws IllegalStateException if no bundle of that name is defined
	 */
	static SSLContext get(String bundle, BootstrapContext bootstrap, Binder binder) {
		if (bootstrap.isRegistered(SslBundles.class)) {
			return bootstrap.get(SslBundles.class).getBundle(bundle).createSslContext();
		}
		if (AUTOCONFIGURE_PRESENT) {
			SSLContext context = fromProperties(bundle, binder);
			if (context != null) {
				return context;
			}
		}
		throw new IllegalStateException("scaivault.ssl.bundle names the SSL bundle '" + bundle
				+ "', which is not defined: define it with spring.ssl.bundle.pem." + bundle + ".* or spring.ssl.bundle.jks."
				+ bundle + ".* where the scaivault: import can see it (application properties or environment)");
	}

	private static @Nullable SSLContext fromProperties(String bundle, Binder binder) {
		SslProperties properties = binder.bind("spring.ssl", SslProperties.class).orElseGet(SslProperties::new);
		PemSslBundleProperties pem = properties.getBundle().getPem().get(bundle);
		if (pem != null) {
			return PropertiesSslBundle.get(pem).createSslContext();
		}
		JksSslBundleProperties jks = properties.getBundle().getJks().get(bundle);
		if (jks != null) {
			return PropertiesSslBundle.get(jks).createSslContext();
		}
		return null;
	}

}
