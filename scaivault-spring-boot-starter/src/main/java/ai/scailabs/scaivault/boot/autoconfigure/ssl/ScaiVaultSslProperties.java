package ai.scailabs.scaivault.boot.autoconfigure.ssl;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.scailabs.scaivault.client.acme.ChallengeType;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * SSL bundles issued by ScaiVault: {@code scaivault.ssl.bundle.<name>.pki.*} issues from a PKI
 * role, {@code scaivault.ssl.bundle.<name>.acme.*} from an ACME order. Each becomes the Spring Boot
 * SSL bundle {@code <name>}, usable as {@code server.ssl.bundle=<name>} or by any client that takes
 * a bundle name.
 */
@ConfigurationProperties(ScaiVaultSslProperties.PREFIX)
public class ScaiVaultSslProperties {

	/**
	 * Prefix of the SSL bundle properties.
	 */
	public static final String PREFIX = "scaivault.ssl";

	/**
	 * SSL bundles issued by ScaiVault, by bundle name.
	 */
	private Map<String, Bundle> bundle = new LinkedHashMap<>();

	/**
	 * How often a PKI-issued certificate is checked for revocation; a revoked one is renewed at
	 * once. Zero or negative to check only when a webhook says so.
	 */
	private Duration revocationCheckInterval = Duration.ofMinutes(5);

	public Map<String, Bundle> getBundle() {
		return this.bundle;
	}

	public void setBundle(Map<String, Bundle> bundle) {
		this.bundle = bundle;
	}

	public Duration getRevocationCheckInterval() {
		return this.revocationCheckInterval;
	}

	public void setRevocationCheckInterval(Duration revocationCheckInterval) {
		this.revocationCheckInterval = revocationCheckInterval;
	}

	/**
	 * One SSL bundle: a certificate from a PKI role or from an ACME order, not both.
	 */
	public static class Bundle {

		/**
		 * Issue the bundle's certificate from a ScaiVault PKI role.
		 */
		private final Pki pki = new Pki();

		/**
		 * Issue the bundle's certificate from an ACME order.
		 */
		private final Acme acme = new Acme();

		/**
		 * How long before expiry the certificate is renewed. Default: at two thirds of its
		 * lifetime.
		 */
		private @Nullable Duration renewBefore;

		public Pki getPki() {
			return this.pki;
		}

		public Acme getAcme() {
			return this.acme;
		}

		public @Nullable Duration getRenewBefore() {
			return this.renewBefore;
		}

		public void setRenewBefore(@Nullable Duration renewBefore) {
			this.renewBefore = renewBefore;
		}

	}

	/**
	 * A certificate issued from a ScaiVault PKI role.
	 */
	public static class Pki {

		/**
		 * Name of the PKI role to issue against, such as 'svc-mtls'.
		 */
		private @Nullable String role;

		/**
		 * Subject common name, also the first DNS name, such as 'billing.svc.cluster.local'.
		 */
		private @Nullable String commonName;

		/**
		 * More DNS subject alternative names.
		 */
		private List<String> altNames = new ArrayList<>();

		/**
		 * IP subject alternative names, such as '127.0.0.1'.
		 */
		private List<String> ipSans = new ArrayList<>();

		/**
		 * Requested lifetime of each certificate. Default: the role's max TTL.
		 */
		private @Nullable Duration ttl;

		public @Nullable String getRole() {
			return this.role;
		}

		public void setRole(@Nullable String role) {
			this.role = role;
		}

		public @Nullable String getCommonName() {
			return this.commonName;
		}

		public void setCommonName(@Nullable String commonName) {
			this.commonName = commonName;
		}

		public List<String> getAltNames() {
			return this.altNames;
		}

		public void setAltNames(List<String> altNames) {
			this.altNames = altNames;
		}

		public List<String> getIpSans() {
			return this.ipSans;
		}

		public void setIpSans(List<String> ipSans) {
			this.ipSans = ipSans;
		}

		public @Nullable Duration getTtl() {
			return this.ttl;
		}

		public void setTtl(@Nullable Duration ttl) {
			this.ttl = ttl;
		}

		boolean isConfigured() {
			return this.role != null || this.commonName != null || !this.altNames.isEmpty()
					|| !this.ipSans.isEmpty() || this.ttl != null;
		}

	}

	/**
	 * A certificate ordered through a ScaiVault ACME account.
	 */
	public static class Acme {

		/**
		 * ID of the ScaiVault ACME account to order with, such as 'acme_...'.
		 */
		private @Nullable String accountId;

		/**
		 * Domains the certificate names; the first one is its common name.
		 */
		private List<String> domains = new ArrayList<>();

		/**
		 * How control of the domains is proven: 'dns-01' or 'http-01'.
		 */
		private ChallengeType challengeType = ChallengeType.DNS_01;

		public @Nullable String getAccountId() {
			return this.accountId;
		}

		public void setAccountId(@Nullable String accountId) {
			this.accountId = accountId;
		}

		public List<String> getDomains() {
			return this.domains;
		}

		public void setDomains(List<String> domains) {
			this.domains = domains;
		}

		public ChallengeType getChallengeType() {
			return this.challengeType;
		}

		public void setChallengeType(ChallengeType challengeType) {
			this.challengeType = challengeType;
		}

		boolean isConfigured() {
			return this.accountId != null || !this.domains.isEmpty();
		}

	}

}
