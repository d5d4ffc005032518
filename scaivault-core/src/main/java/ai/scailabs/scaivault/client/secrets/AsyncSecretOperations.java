package ai.scailabs.scaivault.client.secrets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;

import ai.scailabs.scaivault.client.ApiError;
import ai.scailabs.scaivault.client.Page;
import ai.scailabs.scaivault.client.ScaiVaultException;
import ai.scailabs.scaivault.client.ValidationException;
import ai.scailabs.scaivault.client.http.ApiRequest;
import ai.scailabs.scaivault.client.http.ApiTransport;
import ai.scailabs.scaivault.client.http.Endpoints;
import ai.scailabs.scaivault.client.http.Futures;
import ai.scailabs.scaivault.client.http.SecretPaths;

/**
 * Secrets: read, write, list, rotate and batch read, asynchronously: every method returns a {@code CompletableFuture}.
 * Invalid input (a bad path, a version below 1) fails the future with a {@link ValidationException}
 * before anything is sent.
 */
public final class AsyncSecretOperations {

	/** Most paths the service accepts in one batch read; longer lists are split. */
	public static final int MAX_BATCH_SIZE = 100;

	/** Largest page size the service accepts. */
	public static final int MAX_LIMIT = 1000;

	private static final TypeReference<Page<SecretSummary>> SUMMARY_PAGE = new TypeReference<>() {
	};

	private static final TypeReference<Map<String, @Nullable Object>> JSON_OBJECT = new TypeReference<>() {
	};

	private final ApiTransport transport;

	public AsyncSecretOperations(ApiTransport transport) {
		this.transport = transport;
	}

	/**
	 * Read the latest version of a secret ({@code GET /v1/secrets/{path}}).
	 * @param path the secret path
	 * @return the secret; fails with {@link ai.scailabs.scaivault.client.NotFoundException} when it
	 * does not exist or was deleted
	 */
	public CompletableFuture<Secret> read(String path) {
		return Futures.checked(() -> this.transport
			.send(ApiRequest.get("secrets.read", secretPath(path)), Secret.class, SecretJson::secret)
			.thenApply((secret) -> withPath(path, secret)));
	}

	/**
	 * Read one version of a secret ({@code GET /v1/secrets/{path}?version=N}).
	 * @param path the secret path
	 * @param version the version, from 1
	 * @return the secret
	 */
	public CompletableFuture<Secret> read(String path, int version) {
		return Futures.checked(() -> {
			if (version < 1) {
				throw invalid("version must be 1 or more, got " + version, Map.of("path", path, "version", version));
			}
			return this.transport
				.send(ApiRequest.get("secrets.read", secretPath(path)).query("version", version), Secret.class,
						SecretJson::secret)
				.thenApply((secret) -> withPath(path, secret));
		});
	}

	/**
	 * Write values as the next version of a secret, creating it if needed, with the service's
	 * defaults for type, metadata and versions kept.
	 * @param path the secret path
	 * @param data the values by key
	 * @return the version written
	 */
	public CompletableFuture<WriteResult> write(String path, Map<String, ?> data) {
		return Futures.checked(() -> write(path, WriteSecretRequest.builder(data).build()));
	}

	/**
	 * Write the next version of a secret ({@code PUT /v1/secrets/{path}}).
	 * @param path the secret path
	 * @param request values, type, metadata and options
	 * @return the version written; fails with {@link ai.scailabs.scaivault.client.ConflictException}
	 * when {@code cas} does not match
	 */
	public CompletableFuture<WriteResult> write(String path, WriteSecretRequest request) {
		return Futures.checked(() -> this.transport.send(
				ApiRequest.put("secrets.write", secretPath(path), SecretBodies.write(Objects.requireNonNull(request))),
				WriteResult.class));
	}

	/**
	 * Replace a secret's metadata, leaving its values alone
	 * ({@code PATCH /v1/secrets/{path}/metadata}).
	 * @param path the secret path
	 * @param metadata the metadata
	 * @return the secret's metadata as the service now holds it
	 */
	public CompletableFuture<SecretMetadata> updateMetadata(String path, SecretMetadata metadata) {
		return Futures.checked(() -> this.transport
			.send(ApiRequest.patch("secrets.update_metadata", Endpoints.secretMetadata(SecretPaths.validate(path)),
					new SecretBodies.Metadata(Objects.requireNonNull(metadata))), JSON_OBJECT)
			.thenApply(AsyncSecretOperations::metadataOf));
	}

	/**
	 * Soft-delete a secret: reads answer {@code not_found}, its versions are kept.
	 * @param path the secret path
	 * @return completes once deleted
	 */
	public CompletableFuture<Void> delete(String path) {
		return delete(path, false);
	}

	/**
	 * Delete a secret ({@code DELETE /v1/secrets/{path}}).
	 * @param path the secret path
	 * @param permanent {@code true} to destroy every version ({@code ?permanent=true}), {@code false}
	 * for a soft delete
	 * @return completes once deleted
	 */
	public CompletableFuture<Void> delete(String path, boolean permanent) {
		return Futures.checked(() -> this.transport.send(
				ApiRequest.delete("secrets.delete", secretPath(path)).query("permanent", permanent ? "true" : null),
				Void.class));
	}

	/**
	 * List the first page of secrets under a prefix, with the service's default page size.
	 * @param prefix the path prefix, such as {@code environments/production/}, or {@code null} for all
	 * @return the page
	 */
	public CompletableFuture<Page<SecretSummary>> list(@Nullable String prefix) {
		return list(prefix, null, null);
	}

	/**
	 * List secrets ({@code GET /v1/secrets?prefix=&limit=&cursor=}).
	 * @param prefix the path prefix, or {@code null} for all
	 * @param limit page size (1 to 1000), or {@code null} for the service's default (50)
	 * @param cursor the previous page's {@link Page#cursor()}, or {@code null} for the first page
	 * @return the page
	 */
	public CompletableFuture<Page<SecretSummary>> list(@Nullable String prefix, @Nullable Integer limit,
			@Nullable String cursor) {
		return Futures.checked(() -> {
			if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
				throw invalid("limit must be between 1 and " + MAX_LIMIT + ", got " + limit, Map.of("limit", limit));
			}
			ApiRequest request = ApiRequest.get("secrets.list", Endpoints.secrets())
				.query("prefix", (prefix != null && !prefix.isEmpty()) ? prefix : null)
				.query("limit", limit)
				.query("cursor", cursor);
			return this.transport.send(request, SUMMARY_PAGE);
		});
	}

	/**
	 * List every secret under a prefix, following the cursors page after page.
	 * @param prefix the path prefix, or {@code null} for all
	 * @return all entries
	 */
	public CompletableFuture<List<SecretSummary>> listAll(@Nullable String prefix) {
		List<SecretSummary> all = new ArrayList<>();
		return collect(prefix, null, all).thenApply((ignored) -> List.copyOf(all));
	}

	private CompletableFuture<Void> collect(@Nullable String prefix, @Nullable String cursor,
			List<SecretSummary> all) {
		return list(prefix, null, cursor).thenCompose((page) -> {
			all.addAll(page.data());
			if (page.hasMore() && page.cursor() != null && !page.cursor().equals(cursor)) {
				return collect(prefix, page.cursor(), all);
			}
			return CompletableFuture.completedFuture(null);
		});
	}

	/**
	 * Rotate a secret now, letting the service generate the value ({@code password} secrets only).
	 * @param path the secret path
	 * @return the rotation
	 */
	public CompletableFuture<SecretRotationResult> rotate(String path) {
		return rotate(path, RotateSecretRequest.builder().build());
	}

	/**
	 * Rotate a secret now ({@code POST /v1/secrets/{path}/rotate}). Not retried unless the service
	 * certainly did not act on it.
	 * @param path the secret path
	 * @param request reason, new value and grace period
	 * @return the rotation
	 */
	public CompletableFuture<SecretRotationResult> rotate(String path, RotateSecretRequest request) {
		return Futures.checked(() -> this.transport.send(
				ApiRequest.post("secrets.rotate", Endpoints.secretRotate(SecretPaths.validate(path)),
						SecretBodies.rotate(Objects.requireNonNull(request))),
				SecretRotationResult.class));
	}

	/**
	 * Read the latest version of many secrets ({@code POST /v1/secrets/batch}). A denied or missing
	 * path lands in {@link BatchResult#errors()}, never failing the whole batch. More than
	 * {@value #MAX_BATCH_SIZE} paths are sent as several requests, one after the other, and merged.
	 * @param paths the secret paths (duplicates are read once)
	 * @return the secrets and errors by path
	 */
	public CompletableFuture<BatchResult> batchRead(List<String> paths) {
		return Futures.checked(() -> {
			List<String> unique = new ArrayList<>(new LinkedHashSet<>(paths));
			unique.forEach(SecretPaths::validate);
			Map<String, Secret> secrets = new LinkedHashMap<>();
			Map<String, ApiError> errors = new LinkedHashMap<>();
			CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
			for (int from = 0; from < unique.size(); from += MAX_BATCH_SIZE) {
				List<String> chunk = List.copyOf(unique.subList(from, Math.min(from + MAX_BATCH_SIZE, unique.size())));
				chain = chain.thenCompose((ignored) -> this.transport
					.send(ApiRequest.idempotentPost("secrets.batch_read", Endpoints.secretsBatch(),
							new SecretBodies.Batch(chunk)), BatchResult.class, SecretJson::batch)
					.thenAccept((result) -> {
						result.secrets().forEach((path, secret) -> secrets.put(path, withPath(path, secret)));
						errors.putAll(result.errors());
					}));
			}
			return chain.thenApply((ignored) -> new BatchResult(secrets, errors));
		});
	}

	private static Secret withPath(String path, @Nullable Secret secret) {
		if (secret == null) {
			throw new ScaiVaultException(
					ScaiVaultException.UNEXPECTED_RESPONSE,
					"ScaiVault answered without a body for secret " + path, Map.of("path", path), null, 0);
		}
		if (secret.path() != null) {
			return secret;
		}
		return new Secret(path, secret.version(), secret.data(), secret.secretType(), secret.metadata(),
				secret.createdAt(), secret.updatedAt());
	}

	@SuppressWarnings("unchecked")
	private static SecretMetadata metadataOf(@Nullable Map<String, @Nullable Object> answer) {
		if (answer == null) {
			return SecretMetadata.empty();
		}
		// The answer is the metadata object, or a secret-like object holding it under "metadata".
		if (answer.get("metadata") instanceof Map<?, ?> nested) {
			return SecretMetadata.fromJson((Map<String, @Nullable Object>) nested);
		}
		return SecretMetadata.fromJson(answer);
	}

	private static String secretPath(String path) {
		return Endpoints.secret(SecretPaths.validate(path));
	}

	private static ValidationException invalid(String message, Map<String, Object> details) {
		return new ValidationException("validation_error", message, details, null, 0);
	}

}
