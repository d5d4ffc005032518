package ai.scailabs.scaivault.boot.autoconfigure.ssl;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Explains a start-up that failed because a property such as {@code server.ssl.bundle} names an
 * SSL bundle that does not exist, listing the ScaiVault bundles that do.
 */
class NoSuchSslBundleFailureAnalyzer extends AbstractFailureAnalyzer<NoSuchSslBundleException> implements Ordered {

	private final @Nullable Environment environment;

	NoSuchSslBundleFailureAnalyzer(@Nullable Environment environment) {
		this.environment = environment;
	}

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, NoSuchSslBundleException cause) {
		String name = cause.getBundleName();
		String where = name.equals(property("server.ssl.bundle")) ? "server.ssl.bundle" : "A property";
		return new FailureAnalysis(where + " names the SSL bundle '" + name + "', which does not exist. "
				+ "ScaiVault SSL bundles configured: " + scaiVaultBundles() + ".",
				"Define it as a ScaiVault bundle (scaivault.ssl.bundle." + name + ".pki.role and .pki.common-name, or "
						+ "scaivault.ssl.bundle." + name + ".acme.account-id and .acme.domains) or under "
						+ "spring.ssl.bundle.pem." + name + ", or fix the name.",
				cause);
	}

	private @Nullable String property(String name) {
		return (this.environment != null) ? this.environment.getProperty(name) : null;
	}

	private String scaiVaultBundles() {
		if (this.environment == null) {
			return "unknown";
		}
		try {
			return Binder.get(this.environment)
				.bind(ScaiVaultSslProperties.PREFIX, Bindable.of(ScaiVaultSslProperties.class))
				.map((properties) -> properties.getBundle().keySet().toString())
				.orElse("none");
		}
		catch (RuntimeException ex) {
			// scaivault.ssl.bundle holds the client's own bundle name, not ScaiVault bundles
			return "none";
		}
	}

	@Override
	public int getOrder() {
		return 0;
	}

}
