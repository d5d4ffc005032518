package ai.scailabs.scaivault.devserver.policy;

import ai.scailabs.scaivault.devserver.http.ApiException;
import ai.scailabs.scaivault.devserver.http.ApiRequest;

/**
 * Authorizes one action of a request against the policies bound to the caller, deny by default,
 * and leaves one audit entry for it, allowed or denied.
 *
 * <p>Secrets are authorized on their own path. The other resources are authorized on these
 * resource paths, so that policies can grant them with the same globs:
 * <ul>
 * <li>{@code sys/policies} ({@code admin}) for policy administration and {@code sys/audit}
 * ({@code read}) for the audit log;</li>
 * <li>{@code sys/rotation} ({@code admin}) and {@code sys/subscriptions} ({@code admin});</li>
 * <li>{@code pki/cas}, {@code pki/roles}, {@code pki/csr} ({@code admin}), {@code pki/issue/{role}}
 * ({@code write}), {@code pki/certificates} ({@code admin} for revoke), {@code pki/validate}
 * ({@code read});</li>
 * <li>{@code acme/accounts} ({@code write} to create, {@code read} to read), {@code acme/orders}
 * ({@code write} to place an order) and {@code acme/orders/{id}} ({@code read} to poll one order,
 * which holds its private key; the identity that placed the order may always read it);</li>
 * <li>{@code dynamic/engines} ({@code admin}), {@code dynamic/{engine}/creds/{role}} ({@code read})
 * to generate, {@code leases} ({@code write} to renew and revoke, {@code list} to list).</li>
 * </ul>
 * The root token is allowed everything.
 */
public interface AccessControl {

	/**
	 * Require that the caller of the request may perform the permission on the path.
	 * @param request the request (its principal, address and request id)
	 * @param permission {@code read}, {@code list}, {@code write}, {@code delete}, {@code rotate} or
	 * {@code admin}
	 * @param path the secret path or resource path
	 * @throws ApiException {@code access_denied} with details {@code path} and {@code permission}
	 */
	void require(ApiRequest request, String permission, String path);

	/**
	 * Return whether the caller may perform the permission on the path, leaving no audit entry: for
	 * filtering many candidate paths in one call (a listing), which then leaves one entry of its own
	 * with {@link #record}.
	 * @param request the request
	 * @param permission the permission
	 * @param path the secret path or resource path
	 * @return whether it is allowed
	 */
	boolean allows(ApiRequest request, String permission, String path);

	/**
	 * Leave one audit entry for an action whose access was decided with {@link #allows}.
	 * @param request the request
	 * @param permission the permission
	 * @param path the path the action was on (for a listing, its prefix)
	 * @param allowed whether it was allowed
	 */
	void record(ApiRequest request, String permission, String path, boolean allowed);

}
