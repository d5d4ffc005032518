package ai.scailabs.scaivault.client.pki;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A certificate to issue against a role:
 * <pre class="code">
 * IssueRequest.of("svc-mtls", "billing.svc.cluster.local")
 *     .withAltNames("billing-api.svc.cluster.local").withTtl(Duration.ofHours(168))
 * </pre>
 *
 * @param role the PKI role name
 * @param commonName subject common name
 * @param altNames DNS subject alternative names
 * @param ipSans IP subject alternative names
 * @param ttl requested lifetime, or {@code null} for the role's default
 */
public record IssueRequest(String role, String commonName, List<String> altNames, List<String> ipSans,
		@Nullable Duration ttl) {

	public IssueRequest {
		Objects.requireNonNull(role, "role must not be null");
		Objects.requireNonNull(commonName, "commonName must not be null");
		altNames = (altNames != null) ? List.copyOf(altNames) : List.of();
		ipSans = (ipSans != null) ? List.copyOf(ipSans) : List.of();
	}

	/**
	 * Start a request.
	 * @param role the PKI role name
	 * @param commonName subject common name
	 * @return the request
	 */
	public static IssueRequest of(String role, String commonName) {
		return new IssueRequest(role, commonName, List.of(), List.of(), null);
	}

	/**
	 * Return a copy with the given DNS subject alternative names.
	 * @param altNames the names
	 * @return the new request
	 */
	public IssueRequest withAltNames(String... altNames) {
		return new IssueRequest(this.role, this.commonName, List.of(altNames), this.ipSans, this.ttl);
	}

	/**
	 * Return a copy with the given IP subject alternative names.
	 * @param ipSans the addresses
	 * @return the new request
	 */
	public IssueRequest withIpSans(String... ipSans) {
		return new IssueRequest(this.role, this.commonName, this.altNames, List.of(ipSans), this.ttl);
	}

	/**
	 * Return a copy with the given lifetime.
	 * @param ttl the lifetime, such as {@code Duration.ofHours(168)}
	 * @return the new request
	 */
	public IssueRequest withTtl(Duration ttl) {
		return new IssueRequest(this.role, this.commonName, this.altNames, this.ipSans, ttl);
	}

}
