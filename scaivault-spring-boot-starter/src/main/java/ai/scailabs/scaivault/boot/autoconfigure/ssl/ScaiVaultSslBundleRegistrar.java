package ai.scailabs.scaivault.boot.autoconfigure.ssl;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import ai.scailabs.scaivault.boot.autoconfigure.ssl.ScaiVaultSslProperties.Acme;
import ai.scailabs.scaivault.boot.autoconfigure.ssl.ScaiVaultSslProperties.Bundle;
import ai.scailabs.scaivault.boot.autoconfigure.ssl.ScaiVaultSslProperties.Pki;
import ai.scailabs.scaivault.client.ScaiVaultClient;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.ssl.SslBundleRegistrar;
import org.springframework.boot.ssl.SslBundleRegistry;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.util.StringUtils;

/**
 * Registers one {@link ScaiVaultSslBundle} per {@code scaivault.ssl.bundle.<name>} in Spring Boot's
 * {@link SslBundleRegistry}, before the web server reads it. Checks the properties first, so a bad
 * bundle fails the start-up saying which property to fix, then issues each certificate as it
 * registers the bundle, so a certificate that cannot be issued fails the start-up too.
 *
 * <p>One exception: when the client trusts a bundle of its own ({@code scaivault.ssl.bundle}), the
 * registry is built while the client is, so the certificates are issued once the client exists
 * (when a bundle is first read, at the latest when all singletons are instantiated).
 */
public final class ScaiVaultSslBundleRegistrar implements SslBundleRegistrar {

	/** How often an ACME order is polled until valid. */
	static final Duration ACME_POLL_INTERVAL = Duration.ofSeconds(1);

	private final Map<String, ScaiVaultSslBundle> bundles;

	private final boolean issueOnRegistration;

	/**
	 * Check the bundles' properties and create the bundles, without issuing yet.
	 * @param properties the {@code scaivault.ssl.*} properties
	 * @param clientBundle the bundle the client trusts ({@code scaivault.ssl.bundle}), or
	 * {@code null} for the JVM's default
	 * @param client the client that issues the certificates
	 * @param events publishes the issue and renewal events
	 * @throws ScaiVaultSslException when a bundle is configured wrong, or the client trusts a bundle
	 * that ScaiVault would issue through that client
	 */
	ScaiVaultSslBundleRegistrar(ScaiVaultSslProperties properties, @Nullable String clientBundle,
			Supplier<ScaiVaultClient> client, ApplicationEventPublisher events) {
		if (StringUtils.hasText(clientBundle) && properties.getBundle().containsKey(clientBundle)) {
			String prefix = ScaiVaultSslProperties.PREFIX + ".bundle." + clientBundle;
			throw ScaiVaultSslException.invalid(clientBundle, "scaivault.ssl.bundle names the SSL bundle '"
					+ clientBundle + "', which ScaiVault issues (" + prefix + ".*): the client would need the"
					+ " certificate to reach ScaiVault before it could ask ScaiVault for it",
					"Name a bundle the client can load by itself in scaivault.ssl.bundle (spring.ssl.bundle.pem."
							+ clientBundle + "-ca, say, with the CA of ScaiVault's server certificate), or remove"
							+ " scaivault.ssl.bundle to trust the JVM's default CAs.");
		}
		this.issueOnRegistration = !StringUtils.hasText(clientBundle);
		Map<String, ScaiVaultSslBundle> bundles = new LinkedHashMap<>();
		properties.getBundle()
			.forEach((name, bundle) -> bundles.put(name,
					new ScaiVaultSslBundle(name, issuer(name, bundle, client), renewBefore(name, bundle), events)));
		this.bundles = Collections.unmodifiableMap(bundles);
	}

	/**
	 * Return the bundles, by name.
	 * @return the bundles
	 */
	public Map<String, ScaiVaultSslBundle> getBundles() {
		return this.bundles;
	}

	@Override
	public void registerBundles(SslBundleRegistry registry) {
		if (this.issueOnRegistration) {
			this.bundles.values().forEach(ScaiVaultSslBundle::issueIfNeeded);
		}
		this.bundles.forEach(registry::registerBundle);
	}

	private static CertificateIssuer issuer(String name, Bundle bundle, Supplier<ScaiVaultClient> client) {
		String prefix = ScaiVaultSslProperties.PREFIX + ".bundle." + name;
		Pki pki = bundle.getPki();
		Acme acme = bundle.getAcme();
		if (pki.isConfigured() && acme.isConfigured()) {
			throw ScaiVaultSslException.invalid(name,
					"SSL bundle '" + name + "' sets both " + prefix + ".pki.* and " + prefix + ".acme.*",
					"Keep one: " + prefix + ".pki.role (a ScaiVault PKI role) or " + prefix
							+ ".acme.account-id (an ACME order).");
		}
		if (pki.isConfigured()) {
			if (!StringUtils.hasText(pki.getRole())) {
				throw ScaiVaultSslException.invalid(name, "SSL bundle '" + name + "' sets no " + prefix + ".pki.role",
						"Set " + prefix + ".pki.role to the ScaiVault PKI role to issue from, such as svc-mtls.");
			}
			if (!StringUtils.hasText(pki.getCommonName())) {
				throw ScaiVaultSslException.invalid(name,
						"SSL bundle '" + name + "' sets no " + prefix + ".pki.common-name",
						"Set " + prefix + ".pki.common-name to the host name the certificate is for, such as"
								+ " billing.svc.cluster.local.");
			}
			if (pki.getTtl() != null && (pki.getTtl().isNegative() || pki.getTtl().isZero())) {
				throw ScaiVaultSslException.invalid(name,
						"SSL bundle '" + name + "': " + prefix + ".pki.ttl must be positive, was " + pki.getTtl(),
						"Set " + prefix + ".pki.ttl to a positive duration such as 24h, or remove it for the role's"
								+ " max TTL.");
			}
			return new PkiCertificateIssuer(name, pki.getRole(), pki.getCommonName(), pki.getAltNames(),
					pki.getIpSans(), pki.getTtl(), client);
		}
		if (acme.isConfigured()) {
			if (!StringUtils.hasText(acme.getAccountId())) {
				throw ScaiVaultSslException.invalid(name,
						"SSL bundle '" + name + "' sets no " + prefix + ".acme.account-id",
						"Set " + prefix + ".acme.account-id to the ScaiVault ACME account to order with.");
			}
			if (acme.getDomains().isEmpty()) {
				throw ScaiVaultSslException.invalid(name, "SSL bundle '" + name + "' sets no " + prefix
						+ ".acme.domains", "Set " + prefix + ".acme.domains to the domains the certificate names.");
			}
			return new AcmeCertificateIssuer(name, acme.getAccountId(), acme.getDomains(), acme.getChallengeType(),
					client, ACME_POLL_INTERVAL);
		}
		throw ScaiVaultSslException.invalid(name,
				"SSL bundle '" + name + "' sets neither " + prefix + ".pki.role nor " + prefix + ".acme.account-id",
				"Set " + prefix + ".pki.role and " + prefix + ".pki.common-name to issue from a ScaiVault PKI role,"
						+ " or " + prefix + ".acme.account-id and " + prefix + ".acme.domains to order through ACME.");
	}

	private static @Nullable Duration renewBefore(String name, Bundle bundle) {
		Duration renewBefore = bundle.getRenewBefore();
		if (renewBefore != null && (renewBefore.isNegative() || renewBefore.isZero())) {
			String property = ScaiVaultSslProperties.PREFIX + ".bundle." + name + ".renew-before";
			throw ScaiVaultSslException.invalid(name,
					"SSL bundle '" + name + "': " + property + " must be positive, was " + renewBefore,
					"Set " + property + " to a positive duration shorter than the certificate's lifetime, or remove"
							+ " it to renew at two thirds of the lifetime.");
		}
		return renewBefore;
	}

}
