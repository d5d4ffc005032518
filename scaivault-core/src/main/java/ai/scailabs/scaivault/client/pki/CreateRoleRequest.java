package ai.scailabs.scaivault.client.pki;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What certificates a new PKI role may issue. Start from {@link #of(String, String, String...)}
 * and refine with the {@code with...} methods:
 * <pre class="code">
 * CreateRoleRequest.of("svc-mtls", ca.id(), "svc.cluster.local")
 *     .withSubdomains().withServerAuth().withClientAuth().withMaxTtl(Duration.ofDays(30))
 * </pre>
 *
 * @param name unique role name, used when issuing
 * @param caId the CA that signs the role's certificates
 * @param allowedDomains domains certificates may name
 * @param allowSubdomains whether subdomains of the allowed domains are allowed, or {@code null}
 * @param allowIpSans whether IP subject alternative names are allowed, or {@code null}
 * @param serverAuth whether certificates are for TLS servers, or {@code null}
 * @param clientAuth whether certificates are for TLS clients, or {@code null}
 * @param maxTtl longest lifetime a certificate may ask for, or {@code null}
 * @param keyType key algorithm of issued certificates, or {@code null}
 * @param keySize key size in bits, or {@code null}
 */
public record CreateRoleRequest(String name, String caId, List<String> allowedDomains,
		@Nullable Boolean allowSubdomains, @Nullable Boolean allowIpSans, @Nullable Boolean serverAuth,
		@Nullable Boolean clientAuth, @Nullable Duration maxTtl, @Nullable KeyType keyType,
		@Nullable Integer keySize) {

	public CreateRoleRequest {
		Objects.requireNonNull(name, "name must not be null");
		Objects.requireNonNull(caId, "caId must not be null");
		allowedDomains = (allowedDomains != null) ? List.copyOf(allowedDomains) : List.of();
	}

	/**
	 * Start a role.
	 * @param name unique role name
	 * @param caId the signing CA
	 * @param allowedDomains domains certificates may name
	 * @return the request
	 */
	public static CreateRoleRequest of(String name, String caId, String... allowedDomains) {
		return new CreateRoleRequest(name, caId, List.of(allowedDomains), null, null, null, null, null, null, null);
	}

	/**
	 * Return a copy that allows subdomains of the allowed domains.
	 * @return the new request
	 */
	public CreateRoleRequest withSubdomains() {
		return new CreateRoleRequest(this.name, this.caId, this.allowedDomains, true, this.allowIpSans,
				this.serverAuth, this.clientAuth, this.maxTtl, this.keyType, this.keySize);
	}

	/**
	 * Return a copy that allows IP subject alternative names.
	 * @return the new request
	 */
	public CreateRoleRequest withIpSans() {
		return new CreateRoleRequest(this.name, this.caId, this.allowedDomains, this.allowSubdomains, true,
				this.serverAuth, this.clientAuth, this.maxTtl, this.keyType, this.keySize);
	}

	/**
	 * Return a copy whose certificates are for TLS servers.
	 * @return the new request
	 */
	public CreateRoleRequest withServerAuth() {
		return new CreateRoleRequest(this.name, this.caId, this.allowedDomains, this.allowSubdomains,
				this.allowIpSans, true, this.clientAuth, this.maxTtl, this.keyType, this.keySize);
	}

	/**
	 * Return a copy whose certificates are for TLS clients.
	 * @return the new request
	 */
	public CreateRoleRequest withClientAuth() {
		return new CreateRoleRequest(this.name, this.caId, this.allowedDomains, this.allowSubdomains,
				this.allowIpSans, this.serverAuth, true, this.maxTtl, this.keyType, this.keySize);
	}

	/**
	 * Return a copy with the given longest certificate lifetime.
	 * @param maxTtl the lifetime
	 * @return the new request
	 */
	public CreateRoleRequest withMaxTtl(Duration maxTtl) {
		return new CreateRoleRequest(this.name, this.caId, this.allowedDomains, this.allowSubdomains,
				this.allowIpSans, this.serverAuth, this.clientAuth, maxTtl, this.keyType, this.keySize);
	}

	/**
	 * Return a copy with the given key algorithm and size.
	 * @param keyType the algorithm
	 * @param keySize the size in bits
	 * @return the new request
	 */
	public CreateRoleRequest withKey(KeyType keyType, int keySize) {
		return new CreateRoleRequest(this.name, this.caId, this.allowedDomains, this.allowSubdomains,
				this.allowIpSans, this.serverAuth, this.clientAuth, this.maxTtl, keyType, keySize);
	}

}
