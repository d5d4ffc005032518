package ai.scailabs.scaivault.client;

import java.time.Duration;

import ai.scailabs.scaivault.client.acme.AcmeOperations;
import ai.scailabs.scaivault.client.acme.AsyncAcmeOperations;
import ai.scailabs.scaivault.client.audit.AsyncAuditOperations;
import ai.scailabs.scaivault.client.audit.AuditOperations;
import ai.scailabs.scaivault.client.dynamic.AsyncDynamicOperations;
import ai.scailabs.scaivault.client.dynamic.DynamicOperations;
import ai.scailabs.scaivault.client.health.Health;
import ai.scailabs.scaivault.client.http.ApiRequest;
import ai.scailabs.scaivault.client.http.ApiTransport;
import ai.scailabs.scaivault.client.http.Blocking;
import ai.scailabs.scaivault.client.http.Endpoints;
import ai.scailabs.scaivault.client.http.Urls;
import ai.scailabs.scaivault.client.pki.AsyncPkiOperations;
import ai.scailabs.scaivault.client.pki.PkiOperations;
import ai.scailabs.scaivault.client.policies.AsyncPolicyOperations;
import ai.scailabs.scaivault.client.policies.PolicyOperations;
import ai.scailabs.scaivault.client.rotation.AsyncRotationOperations;
import ai.scailabs.scaivault.client.rotation.RotationOperations;
import ai.scailabs.scaivault.client.secrets.AsyncSecretOperations;
import ai.scailabs.scaivault.client.secrets.SecretOperations;
import ai.scailabs.scaivault.client.subscriptions.AsyncSubscriptionOperations;
import ai.scailabs.scaivault.client.subscriptions.SubscriptionOperations;

/**
 * The ScaiVault client, blocking: the same resource groups and method names as
 * {@link ScaiVaultAsyncClient}, on the same engine; each call runs on the caller's thread, retries
 * and the waits between them included. Thread-safe; create
 * one per application and {@link #close()} it on shutdown.
 *
 * <pre class="code">
 * try (ScaiVaultClient client = ScaiVaultClient.builder().baseUrl(url).token(token).build()) {
 *     Secret secret = client.secrets().read("app/db/password");
 * }
 * </pre>
 */
public final class ScaiVaultClient implements AutoCloseable {

	private final ScaiVaultAsyncClient async;

	private final SecretOperations secrets;

	private final PolicyOperations policies;

	private final RotationOperations rotation;

	private final PkiOperations pki;

	private final AcmeOperations acme;

	private final DynamicOperations dynamic;

	private final SubscriptionOperations subscriptions;

	private final AuditOperations audit;

	private final boolean owner;

	ScaiVaultClient(ScaiVaultAsyncClient async) {
		this(async, async.transport().blocking(), true);
	}

	/**
	 * Create a client whose resource groups run every call on the caller's thread through the given
	 * blocking transport: the same request building, error mapping and JSON as the async groups,
	 * without waiting on a future.
	 */
	private ScaiVaultClient(ScaiVaultAsyncClient async, ApiTransport blocking, boolean owner) {
		this.async = async;
		this.owner = owner;
		this.secrets = new SecretOperations(new AsyncSecretOperations(blocking));
		this.policies = new PolicyOperations(new AsyncPolicyOperations(blocking));
		this.rotation = new RotationOperations(new AsyncRotationOperations(blocking));
		this.pki = new PkiOperations(new AsyncPkiOperations(blocking));
		this.acme = new AcmeOperations(new AsyncAcmeOperations(blocking));
		this.dynamic = new DynamicOperations(new AsyncDynamicOperations(blocking));
		this.subscriptions = new SubscriptionOperations(new AsyncSubscriptionOperations(blocking));
		this.audit = new AuditOperations(new AsyncAuditOperations(blocking));
	}

	/**
	 * Return a builder. With nothing set, it reads {@code SCAIVAULT_BASE_URL},
	 * {@code SCAIVAULT_TOKEN}, {@code SCAIKEY_CLIENT_ID} and {@code SCAIKEY_CLIENT_SECRET}.
	 * @return a new builder
	 */
	public static ScaiVaultClientBuilder builder() {
		return new ScaiVaultClientBuilder();
	}

	/**
	 * Create a client from the environment alone: {@code SCAIVAULT_BASE_URL} and either
	 * {@code SCAIVAULT_TOKEN} or {@code SCAIKEY_CLIENT_ID} and {@code SCAIKEY_CLIENT_SECRET}.
	 * @return the client
	 * @throws ValidationException naming the variable that is missing
	 */
	public static ScaiVaultClient create() {
		return builder().build();
	}

	/** @return secrets: read, write, list, rotate, batch read */
	public SecretOperations secrets() {
		return this.secrets;
	}

	/** @return access policies and their bindings */
	public PolicyOperations policies() {
		return this.policies;
	}

	/** @return rotation policies */
	public RotationOperations rotation() {
		return this.rotation;
	}

	/** @return PKI: certificate authorities, roles, certificates, CSRs */
	public PkiOperations pki() {
		return this.pki;
	}

	/** @return ACME accounts and orders */
	public AcmeOperations acme() {
		return this.acme;
	}

	/** @return dynamic secrets and leases */
	public DynamicOperations dynamic() {
		return this.dynamic;
	}

	/** @return event subscriptions */
	public SubscriptionOperations subscriptions() {
		return this.subscriptions;
	}

	/** @return the audit log */
	public AuditOperations audit() {
		return this.audit;
	}

	/**
	 * Check the service's health ({@code GET /v1/health}), without authentication and without
	 * retries.
	 * @return the health
	 * @throws ScaiVaultException ({@code service_unavailable}) while the service cannot serve
	 */
	public Health health() {
		return health(this.async.transport().settings().timeout());
	}

	/**
	 * Check the service's health ({@code GET /v1/health}) once, without authentication and without
	 * retries, waiting at most the given time for the answer (connecting included). For probes.
	 * @param timeout how long to wait for the answer
	 * @return the health
	 * @throws ScaiVaultException ({@code service_unavailable}) while the service cannot serve, or
	 * ({@code timeout}, {@code connection_error}) when it does not answer in time
	 */
	public Health health(Duration timeout) {
		return Blocking.join(this.async.transport()
			.sendUnauthenticatedBlocking(ApiRequest.get("health", Endpoints.health()), Health.class, timeout));
	}

	/**
	 * Obtain the bearer token the next call would send, without calling ScaiVault (so no audit
	 * entry): a static token at once; with client credentials, the cached token or one token
	 * exchange at ScaiKey, waiting at most the given time. For probes.
	 * @param timeout how long to wait for a token exchange
	 * @throws ScaiVaultException ({@code authentication_required}, {@code timeout}, ...) when no
	 * token can be obtained; the message never holds the token or the credentials
	 */
	public void checkToken(Duration timeout) {
		this.async.transport().checkToken(timeout);
	}

	/**
	 * Return a view of this client, on the same connections and credentials, whose calls are tried
	 * once and wait at most the given time for their answer (connecting included): for callers
	 * that own their retries, such as a start-up budget or a health probe. Closing the view does
	 * nothing; close this client.
	 * @param timeout how long one call waits for its answer
	 * @return the view
	 */
	public ScaiVaultClient singleAttempt(Duration timeout) {
		return new ScaiVaultClient(this.async, this.async.transport().singleAttempt(timeout), false);
	}

	/**
	 * Return the asynchronous view of this client, on the same engine.
	 * @return the asynchronous client
	 */
	public ScaiVaultAsyncClient async() {
		return this.async;
	}

	/**
	 * Release the HTTP connections and threads of this client (and of its {@link #async()} view).
	 * Does nothing on a {@link #singleAttempt(Duration)} view.
	 */
	@Override
	public void close() {
		if (this.owner) {
			this.async.close();
		}
	}

	@Override
	public String toString() {
		return "ScaiVaultClient[baseUrl=" + Urls.redact(this.async.transport().settings().baseUri()) + ", auth="
				+ this.async.transport().tokenProvider().mode() + "]";
	}

}
