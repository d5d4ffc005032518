package ai.scailabs.scaivault.client.secrets;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.jspecify.annotations.Nullable;

import ai.scailabs.scaivault.client.Page;
import ai.scailabs.scaivault.client.http.Blocking;

/**
 * Secrets: read, write, list, rotate and batch read, blocking: the same methods as {@link AsyncSecretOperations}, waiting for the answer.
 * Every method throws the {@link ai.scailabs.scaivault.client.ScaiVaultException} of its failure.
 */
public final class SecretOperations {

	private final AsyncSecretOperations async;

	public SecretOperations(AsyncSecretOperations async) {
		this.async = async;
	}

	/**
	 * Read the latest version of a secret.
	 * @param path the secret path
	 * @return the secret
	 * @throws ai.scailabs.scaivault.client.NotFoundException when it does not exist or was deleted
	 */
	public Secret read(String path) {
		return Blocking.join(this.async.read(path));
	}

	/**
	 * Read one version of a secret.
	 * @param path the secret path
	 * @param version the version, from 1
	 * @return the secret
	 */
	public Secret read(String path, int version) {
		return Blocking.join(this.async.read(path, version));
	}

	/**
	 * Write values as the next version of a secret.
	 * @param path the secret path
	 * @param data the values by key
	 * @return the version written
	 */
	public WriteResult write(String path, Map<String, ?> data) {
		return Blocking.join(this.async.write(path, data));
	}

	/**
	 * Write the next version of a secret with type, metadata and options.
	 * @param path the secret path
	 * @param request the request
	 * @return the version written
	 * @throws ai.scailabs.scaivault.client.ConflictException when {@code cas} does not match
	 */
	public WriteResult write(String path, WriteSecretRequest request) {
		return Blocking.join(this.async.write(path, request));
	}

	/**
	 * Replace a secret's metadata.
	 * @param path the secret path
	 * @param metadata the metadata
	 * @return the metadata as the service now holds it
	 */
	public SecretMetadata updateMetadata(String path, SecretMetadata metadata) {
		return Blocking.join(this.async.updateMetadata(path, metadata));
	}

	/**
	 * Soft-delete a secret.
	 * @param path the secret path
	 */
	public void delete(String path) {
		Blocking.join(this.async.delete(path));
	}

	/**
	 * Delete a secret, softly or destroying every version.
	 * @param path the secret path
	 * @param permanent whether to destroy every version
	 */
	public void delete(String path, boolean permanent) {
		Blocking.join(this.async.delete(path, permanent));
	}

	/**
	 * List the first page of secrets under a prefix.
	 * @param prefix the path prefix, or {@code null} for all
	 * @return the page
	 */
	public Page<SecretSummary> list(@Nullable String prefix) {
		return Blocking.join(this.async.list(prefix));
	}

	/**
	 * List one page of secrets.
	 * @param prefix the path prefix, or {@code null} for all
	 * @param limit page size (1 to 1000), or {@code null} for the default
	 * @param cursor the previous page's cursor, or {@code null} for the first page
	 * @return the page
	 */
	public Page<SecretSummary> list(@Nullable String prefix, @Nullable Integer limit, @Nullable String cursor) {
		return Blocking.join(this.async.list(prefix, limit, cursor));
	}

	/**
	 * Iterate over every secret under a prefix. Lazy: each page is fetched when the iteration
	 * reaches it, and each new iteration starts again from the first page.
	 * @param prefix the path prefix, or {@code null} for all
	 * @return the entries
	 */
	public Iterable<SecretSummary> iterateAll(@Nullable String prefix) {
		return () -> new PageIterator(prefix);
	}

	/**
	 * Stream every secret under a prefix, lazily page by page.
	 * @param prefix the path prefix, or {@code null} for all
	 * @return the entries
	 */
	public Stream<SecretSummary> streamAll(@Nullable String prefix) {
		return StreamSupport.stream(iterateAll(prefix).spliterator(), false);
	}

	/**
	 * Rotate a secret now, letting the service generate the value ({@code password} secrets only).
	 * @param path the secret path
	 * @return the rotation
	 */
	public SecretRotationResult rotate(String path) {
		return Blocking.join(this.async.rotate(path));
	}

	/**
	 * Rotate a secret now.
	 * @param path the secret path
	 * @param request reason, new value and grace period
	 * @return the rotation
	 */
	public SecretRotationResult rotate(String path, RotateSecretRequest request) {
		return Blocking.join(this.async.rotate(path, request));
	}

	/**
	 * Read the latest version of many secrets; more than 100 paths are split into several requests.
	 * @param paths the secret paths
	 * @return the secrets and errors by path
	 */
	public BatchResult batchRead(List<String> paths) {
		return Blocking.join(this.async.batchRead(paths));
	}

	private final class PageIterator implements Iterator<SecretSummary> {

		private final @Nullable String prefix;

		private @Nullable Page<SecretSummary> page;

		private int index;

		private @Nullable String previousCursor;

		PageIterator(@Nullable String prefix) {
			this.prefix = prefix;
		}

		@Override
		public boolean hasNext() {
			if (this.page == null) {
				this.page = list(this.prefix, null, null);
				this.index = 0;
			}
			while (this.index >= this.page.data().size()) {
				String cursor = this.page.cursor();
				// A cursor the service answered before would start the same page again: stop.
				if (!this.page.hasMore() || cursor == null || cursor.equals(this.previousCursor)) {
					return false;
				}
				this.previousCursor = cursor;
				this.page = list(this.prefix, null, cursor);
				this.index = 0;
			}
			return true;
		}

		@Override
		public SecretSummary next() {
			if (!hasNext()) {
				throw new NoSuchElementException();
			}
			return this.page.data().get(this.index++);
		}

	}

}
