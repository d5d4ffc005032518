package ai.scailabs.scaivault.client;

import java.util.concurrent.CompletableFuture;

import ai.scailabs.scaivault.client.acme.AsyncAcmeOperations;
import ai.scailabs.scaivault.client.audit.AsyncAuditOperations;
import ai.scailabs.scaivault.client.dynamic.AsyncDynamicOperations;
import ai.scailabs.scaivault.client.health.Health;
import ai.scailabs.scaivault.client.http.ApiRequest;
import ai.scailabs.scaivault.client.http.Endpoints;
import ai.scailabs.scaivault.client.http.HttpApiTransport;
import ai.scailabs.scaivault.client.http.Urls;
import ai.scailabs.scaivault.client.pki.AsyncPkiOperations;
import ai.scailabs.scaivault.client.policies.AsyncPolicyOperations;
import ai.scailabs.scaivault.client.rotation.AsyncRotationOperations;
import ai.scailabs.scaivault.client.secrets.AsyncSecretOperations;
import ai.scailabs.scaivault.client.subscriptions.AsyncSubscriptionOperations;

/**
 * The ScaiVault client, asynchronous: every call returns a {@link CompletableFuture} and no thread
 * is blocked while waiting, retries included. Thread-safe; create one per application and
 * {@link #close()} it on shutdown.
 *
 * <pre class="code">
 * try (ScaiVaultAsyncClient client = ScaiVaultClient.builder().baseUrl(url).token(token).buildAsync()) {
 *     client.secrets().read("app/db/password").thenAccept(...);
 * }
 * </pre>
 */
public final class ScaiVaultAsyncClient implements AutoCloseable {

	private final HttpApiTransport transport;

	private final AsyncSecretOperations secrets;

	private final AsyncPolicyOperations policies;

	private final AsyncRotationOperations rotation;

	private final AsyncPkiOperations pki;

	private final AsyncAcmeOperations acme;

	private final AsyncDynamicOperations dynamic;

	private final AsyncSubscriptionOperations subscriptions;

	private final AsyncAuditOperations audit;

	ScaiVaultAsyncClient(HttpApiTransport transport) {
		this.transport = transport;
		this.secrets = new AsyncSecretOperations(transport);
		this.policies = new AsyncPolicyOperations(transport);
		this.rotation = new AsyncRotationOperations(transport);
		this.pki = new AsyncPkiOperations(transport);
		this.acme = new AsyncAcmeOperations(transport);
		this.dynamic = new AsyncDynamicOperations(transport);
		this.subscriptions = new AsyncSubscriptionOperations(transport);
		this.audit = new AsyncAuditOperations(transport);
	}

	/**
	 * Return a builder, the same as {@link ScaiVaultClient#builder()}.
	 * @return a new builder
	 */
	public static ScaiVaultClientBuilder builder() {
		return new ScaiVaultClientBuilder();
	}

	/** @return secrets: read, write, list, rotate, batch read */
	public AsyncSecretOperations secrets() {
		return this.secrets;
	}

	/** @return access policies and their bindings */
	public AsyncPolicyOperations policies() {
		return this.policies;
	}

	/** @return rotation policies */
	public AsyncRotationOperations rotation() {
		return this.rotation;
	}

	/** @return PKI: certificate authorities, roles, certificates, CSRs */
	public AsyncPkiOperations pki() {
		return this.pki;
	}

	/** @return ACME accounts and orders */
	public AsyncAcmeOperations acme() {
		return this.acme;
	}

	/** @return dynamic secrets and leases */
	public AsyncDynamicOperations dynamic() {
		return this.dynamic;
	}

	/** @return event subscriptions */
	public AsyncSubscriptionOperations subscriptions() {
		return this.subscriptions;
	}

	/** @return the audit log */
	public AsyncAuditOperations audit() {
		return this.audit;
	}

	/**
	 * Check the service's health ({@code GET /v1/health}), without authentication and without
	 * retries, so that the answer reflects the service's state now.
	 * @return the health; fails with a {@link ScaiVaultException} ({@code service_unavailable})
	 * while the service cannot serve
	 */
	public CompletableFuture<Health> health() {
		return this.transport.sendUnauthenticated(ApiRequest.get("health", Endpoints.health()), Health.class);
	}

	HttpApiTransport transport() {
		return this.transport;
	}

	/**
	 * Release the HTTP connections and threads of this client. Calls after closing fail.
	 */
	@Override
	public void close() {
		this.transport.close();
	}

	@Override
	public String toString() {
		return "ScaiVaultAsyncClient[baseUrl=" + Urls.redact(this.transport.settings().baseUri()) + ", auth="
				+ this.transport.tokenProvider().mode() + "]";
	}

}
