package ai.scailabs.scaivault.client;

import ai.scailabs.scaivault.client.acme.AcmeOperations;
import ai.scailabs.scaivault.client.audit.AuditOperations;
import ai.scailabs.scaivault.client.dynamic.DynamicOperations;
import ai.scailabs.scaivault.client.health.Health;
import ai.scailabs.scaivault.client.http.Blocking;
import ai.scailabs.scaivault.client.http.Urls;
import ai.scailabs.scaivault.client.pki.PkiOperations;
import ai.scailabs.scaivault.client.policies.PolicyOperations;
import ai.scailabs.scaivault.client.rotation.RotationOperations;
import ai.scailabs.scaivault.client.secrets.SecretOperations;
import ai.scailabs.scaivault.client.subscriptions.SubscriptionOperations;

/**
 * The ScaiVault client, blocking: the same resource groups and method names as
 * {@link ScaiVaultAsyncClient}, on the same engine, waiting for each answer. Thread-safe; create
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

	ScaiVaultClient(ScaiVaultAsyncClient async) {
		this.async = async;
		this.secrets = new SecretOperations(async.secrets());
		this.policies = new PolicyOperations(async.policies());
		this.rotation = new RotationOperations(async.rotation());
		this.pki = new PkiOperations(async.pki());
		this.acme = new AcmeOperations(async.acme());
		this.dynamic = new DynamicOperations(async.dynamic());
		this.subscriptions = new SubscriptionOperations(async.subscriptions());
		this.audit = new AuditOperations(async.audit());
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
		return Blocking.join(this.async.health());
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
	 */
	@Override
	public void close() {
		this.async.close();
	}

	@Override
	public String toString() {
		return "ScaiVaultClient[baseUrl=" + Urls.redact(this.async.transport().settings().baseUri()) + ", auth="
				+ this.async.transport().tokenProvider().mode() + "]";
	}

}
