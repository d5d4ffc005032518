package ai.scailabs.scaivault.client.dynamic;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import ai.scailabs.scaivault.client.NotFoundException;
import ai.scailabs.scaivault.client.http.Blocking;
import ai.scailabs.scaivault.client.http.Futures;

/**
 * Dynamic credentials that revoke their lease when closed, for try-with-resources:
 * <pre class="code">
 * try (LeasedCredentials credentials = client.dynamic().credentials("support-db", "readonly", Duration.ofHours(2))) {
 *     DriverManager.getConnection(credentials.connectionUrl(), credentials.username(), credentials.password());
 * }
 * </pre>
 * Closing more than once revokes once. A lease that is already gone (expired or revoked
 * elsewhere) counts as revoked; when revocation fails, {@link #close()} throws and a later call
 * tries again. {@link #toString()} never shows the credentials.
 */
public final class LeasedCredentials implements AutoCloseable {

	private final Lease lease;

	private final Supplier<CompletableFuture<Void>> revoker;

	private final AtomicReference<@Nullable CompletableFuture<Void>> revocation = new AtomicReference<>();

	LeasedCredentials(Lease lease, Supplier<CompletableFuture<Void>> revoker) {
		this.lease = lease;
		this.revoker = revoker;
	}

	/**
	 * Return the lease with all its data.
	 * @return the lease
	 */
	public Lease lease() {
		return this.lease;
	}

	/**
	 * Return the database user name.
	 * @return the user name, or {@code null} when absent
	 */
	public @Nullable String username() {
		return this.lease.username();
	}

	/**
	 * Return the database password.
	 * @return the password, or {@code null} when absent
	 */
	public @Nullable String password() {
		return this.lease.password();
	}

	/**
	 * Return the JDBC URL of the database, without credentials.
	 * @return the URL, or {@code null} when absent
	 */
	public @Nullable String connectionUrl() {
		return this.lease.connectionUrl();
	}

	/**
	 * Return whether the lease has been revoked, or its revocation started.
	 * @return whether {@link #close()} or {@link #revokeAsync()} was called and has not failed
	 */
	public boolean isClosed() {
		return this.revocation.get() != null;
	}

	/**
	 * Revoke the lease without blocking. Calls return the same future and send one request, unless
	 * an earlier revocation failed: then the next call tries again.
	 * @return completes once the lease is revoked
	 */
	public CompletableFuture<Void> revokeAsync() {
		CompletableFuture<Void> started = new CompletableFuture<>();
		CompletableFuture<Void> existing = this.revocation.compareAndExchange(null, started);
		if (existing != null) {
			return existing;
		}
		Futures.checked(this.revoker).handle((result, failure) -> {
			Throwable cause = (failure != null) ? Futures.unwrap(failure) : null;
			if (cause == null || cause instanceof NotFoundException) {
				started.complete(null);
			}
			else {
				// Still leased: a later close() tries again.
				this.revocation.compareAndSet(started, null);
				started.completeExceptionally(cause);
			}
			return null;
		});
		return started;
	}

	/**
	 * Revoke the lease, waiting for the answer. Does nothing when already closed.
	 */
	@Override
	public void close() {
		Blocking.join(revokeAsync());
	}

	@Override
	public String toString() {
		return "LeasedCredentials[leaseId=" + this.lease.leaseId() + ", expiresAt=" + this.lease.expiresAt()
				+ ", closed=" + isClosed() + "]";
	}

}
