package ai.scailabs.scaivault.client.pki;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;
import ai.scailabs.scaivault.client.http.ContractDurationDeserializer;

/**
 * A PKI role: the kind of certificates it issues. Flags are {@code null} when the answer leaves
 * them out.
 *
 * @param id role id, if the service gives one
 * @param name unique role name, used when issuing
 * @param caId the signing CA
 * @param allowedDomains domains certificates may name
 * @param allowSubdomains whether subdomains are allowed
 * @param allowIpSans whether IP subject alternative names are allowed
 * @param serverAuth whether certificates are for TLS servers
 * @param clientAuth whether certificates are for TLS clients
 * @param maxTtl longest certificate lifetime
 * @param keyType key algorithm of issued certificates
 * @param keySize key size in bits
 */
public record PkiRole(@Nullable String id, String name, @Nullable String caId, List<String> allowedDomains,
		@Nullable Boolean allowSubdomains, @Nullable Boolean allowIpSans, @Nullable Boolean serverAuth,
		@Nullable Boolean clientAuth,
		@JsonDeserialize(using = ContractDurationDeserializer.class) @Nullable Duration maxTtl,
		@Nullable KeyType keyType, @Nullable Integer keySize) {

	public PkiRole {
		allowedDomains = (allowedDomains != null) ? List.copyOf(allowedDomains) : List.of();
	}

}
