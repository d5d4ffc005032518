package ai.scailabs.scaivault.client.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Every path of the ScaiVault v1 API, spelled once. Paths the contract marks as inferred
 * ({@code [inf]}) are marked here too, so that they can follow the service's reference in one place.
 *
 * <p>Secret paths are validated by the caller ({@link SecretPaths}) and contain only URL-safe
 * characters; identifiers are URL-encoded as one segment.
 */
public final class Endpoints {

	private Endpoints() {
	}

	// Authentication

	/** [inf] Default ScaiKey token endpoint, relative to the base URL. */
	public static final String DEFAULT_TOKEN_PATH = "/oauth/token";

	// Secrets (section 4)

	/** [doc] Collection of secrets: list. */
	public static String secrets() {
		return "/v1/secrets";
	}

	/** [doc] One secret: read, write, delete. */
	public static String secret(String path) {
		return "/v1/secrets/" + path;
	}

	/** [inf] A secret's metadata. */
	public static String secretMetadata(String path) {
		return secret(path) + "/metadata";
	}

	/** [doc] Rotate a secret. */
	public static String secretRotate(String path) {
		return secret(path) + "/rotate";
	}

	/** [inf] Batch read. */
	public static String secretsBatch() {
		return "/v1/secrets/batch";
	}

	// Policies (section 5)

	/** [doc] Collection of policies. */
	public static String policies() {
		return "/v1/policies";
	}

	/** [inf] One policy. */
	public static String policy(String id) {
		return policies() + "/" + segment(id);
	}

	/** [doc] A policy's bindings. */
	public static String policyBindings(String policyId) {
		return policy(policyId) + "/bindings";
	}

	/** [inf] One binding of a policy. */
	public static String policyBinding(String policyId, String bindingId) {
		return policyBindings(policyId) + "/" + segment(bindingId);
	}

	/** [doc] Test a policy decision. */
	public static String policiesTest() {
		return "/v1/policies/test";
	}

	// Rotation (section 6)

	/** [doc] Collection of rotation policies. */
	public static String rotationPolicies() {
		return "/v1/rotation/policies";
	}

	/** [inf] One rotation policy. */
	public static String rotationPolicy(String id) {
		return rotationPolicies() + "/" + segment(id);
	}

	/** [doc] Secrets assigned to a rotation policy. */
	public static String rotationPolicySecrets(String policyId) {
		return rotationPolicy(policyId) + "/secrets";
	}

	/** [inf] One secret assigned to a rotation policy. */
	public static String rotationPolicySecret(String policyId, String secretPath) {
		return rotationPolicySecrets(policyId) + "/" + secretPath;
	}

	/** [inf] Trigger rotation now. */
	public static String rotationTrigger(String policyId) {
		return rotationPolicy(policyId) + "/trigger";
	}

	/** [inf] Rotation history. */
	public static String rotationHistory(String policyId) {
		return rotationPolicy(policyId) + "/history";
	}

	/** [inf] Secrets due for rotation. */
	public static String rotationDue() {
		return "/v1/rotation/due";
	}

	// Subscriptions (section 7)

	/** [doc] Collection of subscriptions. */
	public static String subscriptions() {
		return "/v1/subscriptions";
	}

	/** [inf] One subscription. */
	public static String subscription(String id) {
		return subscriptions() + "/" + segment(id);
	}

	// PKI (section 8, all paths [inf])

	/** [inf] Collection of certificate authorities. */
	public static String pkiCas() {
		return "/v1/pki/cas";
	}

	/** [inf] One certificate authority. */
	public static String pkiCa(String id) {
		return pkiCas() + "/" + segment(id);
	}

	/** [inf] A certificate authority's CRL. */
	public static String pkiCaCrl(String id) {
		return pkiCa(id) + "/crl";
	}

	/** [inf] Collection of PKI roles. */
	public static String pkiRoles() {
		return "/v1/pki/roles";
	}

	/** [inf] Issue a certificate against a role. */
	public static String pkiIssue() {
		return "/v1/pki/issue";
	}

	/** [inf] Generate a CSR in the vault. */
	public static String pkiCsrGenerate() {
		return "/v1/pki/csr/generate";
	}

	/** [inf] Import an external CSR. */
	public static String pkiCsrImport() {
		return "/v1/pki/csr/import";
	}

	/** [inf] Approve a CSR. */
	public static String pkiCsrApprove(String id) {
		return "/v1/pki/csr/" + segment(id) + "/approve";
	}

	/** [inf] Sign an approved CSR. */
	public static String pkiCsrSign(String id) {
		return "/v1/pki/csr/" + segment(id) + "/sign";
	}

	/** [inf] Revoke a certificate. */
	public static String pkiRevoke(String serialNumber) {
		return "/v1/pki/certificates/" + segment(serialNumber) + "/revoke";
	}

	/** [inf] Validate a certificate. */
	public static String pkiValidate() {
		return "/v1/pki/validate";
	}

	// ACME (section 9, all paths [inf])

	/** [inf] ACME accounts. */
	public static String acmeAccounts() {
		return "/v1/acme/accounts";
	}

	/** [inf] ACME orders. */
	public static String acmeOrders() {
		return "/v1/acme/orders";
	}

	/** [inf] One ACME order. */
	public static String acmeOrder(String id) {
		return acmeOrders() + "/" + segment(id);
	}

	// Dynamic secrets (section 10, all paths [inf])

	/** [inf] Dynamic secret engines. */
	public static String dynamicEngines() {
		return "/v1/dynamic/engines";
	}

	/** [inf] Roles of a dynamic secret engine. */
	public static String dynamicEngineRoles(String engine) {
		return dynamicEngines() + "/" + segment(engine) + "/roles";
	}

	/** [inf] Generate credentials. */
	public static String dynamicCredentials(String engine, String role) {
		return "/v1/dynamic/" + segment(engine) + "/creds/" + segment(role);
	}

	/** [inf] Leases. */
	public static String leases() {
		return "/v1/leases";
	}

	/** [inf] One lease: revoke. */
	public static String lease(String leaseId) {
		return leases() + "/" + segment(leaseId);
	}

	/** [inf] Renew a lease. */
	public static String leaseRenew(String leaseId) {
		return lease(leaseId) + "/renew";
	}

	// Audit and health (sections 11 and 12, [inf])

	/** [inf] Audit log. */
	public static String audit() {
		return "/v1/audit";
	}

	/** [inf] Health, without authentication. */
	public static String health() {
		return "/v1/health";
	}

	private static String segment(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
