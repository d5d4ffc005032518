package ai.scailabs.scaivault.devserver.pki;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A role: which CA issues, for which names, with which usages and for how long at most.
 *
 * @param name the role's name, used by {@code issue}
 * @param caId the id of the issuing CA
 * @param allowedDomains the domains names must be in
 * @param allowSubdomains whether names below an allowed domain are allowed
 * @param allowIpSans whether IP subject alternative names are allowed
 * @param serverAuth whether issued certificates may authenticate TLS servers
 * @param clientAuth whether issued certificates may authenticate TLS clients
 * @param maxTtl the longest lifetime of an issued certificate
 * @param keySpec the key issued certificates get
 * @param createdAt when the role was created
 */
public record PkiRole(String name, String caId, List<String> allowedDomains, boolean allowSubdomains,
		boolean allowIpSans, boolean serverAuth, boolean clientAuth, Duration maxTtl, KeySpec keySpec,
		Instant createdAt) {

	public PkiRole {
		allowedDomains = List.copyOf(allowedDomains);
	}

	/**
	 * @param dnsName a DNS name
	 * @return whether this role may issue for it
	 */
	public boolean allows(String dnsName) {
		return DnsNames.isAllowed(dnsName, this.allowedDomains, this.allowSubdomains);
	}

}
