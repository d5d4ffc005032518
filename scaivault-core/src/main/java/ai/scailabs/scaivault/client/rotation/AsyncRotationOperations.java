package ai.scailabs.scaivault.client.rotation;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;

import ai.scailabs.scaivault.client.Page;
import ai.scailabs.scaivault.client.ValidationException;
import ai.scailabs.scaivault.client.http.ApiRequest;
import ai.scailabs.scaivault.client.http.ApiTransport;
import ai.scailabs.scaivault.client.http.Durations;
import ai.scailabs.scaivault.client.http.Endpoints;
import ai.scailabs.scaivault.client.http.Futures;
import ai.scailabs.scaivault.client.http.SecretPaths;

/**
 * Rotation policies: create, get, list, delete, assign and unassign secrets, trigger, history,
 * due, asynchronously: every method returns a {@code CompletableFuture}.
 */
public final class AsyncRotationOperations {

	private static final TypeReference<Page<RotationPolicy>> POLICY_PAGE = new TypeReference<>() {
	};

	private static final TypeReference<Page<RotationHistoryEntry>> HISTORY_PAGE = new TypeReference<>() {
	};

	private final ApiTransport transport;

	public AsyncRotationOperations(ApiTransport transport) {
		this.transport = transport;
	}

	/**
	 * Create a rotation policy without early warnings.
	 * @param name unique name
	 * @param interval time between rotations, such as {@code Duration.ofDays(90)}
	 * @param gracePeriod how long the previous version stays readable, or {@code null}
	 * @param autoGenerate whether the service writes generated values itself
	 * @return the created policy
	 */
	public CompletableFuture<RotationPolicy> create(String name, Duration interval, @Nullable Duration gracePeriod,
			boolean autoGenerate) {
		return create(name, interval, gracePeriod, List.of(), autoGenerate);
	}

	/**
	 * Create a rotation policy.
	 * @param name unique name
	 * @param interval time between rotations, such as {@code Duration.ofDays(90)}
	 * @param gracePeriod how long the previous version stays readable, or {@code null}
	 * @param warnBefore when to emit {@code rotation.due} ahead of a rotation, such as 7 days and 1
	 * day (sent as {@code "7d,1d"}); empty for none
	 * @param autoGenerate whether the service writes generated values itself
	 * @return the created policy
	 */
	public CompletableFuture<RotationPolicy> create(String name, Duration interval, @Nullable Duration gracePeriod,
			List<Duration> warnBefore, boolean autoGenerate) {
		return Futures.checked(() -> {
			Objects.requireNonNull(interval, "interval must not be null");
			String warnings = warnBefore.isEmpty() ? null
					: warnBefore.stream().map(Durations::format).collect(Collectors.joining(","));
			CreateBody body = new CreateBody(name, Durations.format(interval),
					(gracePeriod != null) ? hours(gracePeriod) : null, warnings, autoGenerate);
			return this.transport.send(ApiRequest.post("rotation.create", Endpoints.rotationPolicies(), body),
					RotationPolicy.class);
		});
	}

	/**
	 * Get a rotation policy.
	 * @param policyId the policy id
	 * @return the policy
	 */
	public CompletableFuture<RotationPolicy> get(String policyId) {
		return Futures.checked(() -> this.transport.send(ApiRequest.get("rotation.get", Endpoints.rotationPolicy(policyId)),
				RotationPolicy.class));
	}

	/**
	 * List the first page of rotation policies.
	 * @return the page
	 */
	public CompletableFuture<Page<RotationPolicy>> list() {
		return list(null, null);
	}

	/**
	 * List rotation policies.
	 * @param limit page size, or {@code null}
	 * @param cursor cursor of the previous page, or {@code null}
	 * @return the page
	 */
	public CompletableFuture<Page<RotationPolicy>> list(@Nullable Integer limit, @Nullable String cursor) {
		return Futures.checked(() -> {
			ApiRequest request = ApiRequest.get("rotation.list", Endpoints.rotationPolicies())
				.query("limit", limit)
				.query("cursor", cursor);
			return this.transport.send(request, POLICY_PAGE);
		});
	}

	/**
	 * Delete a rotation policy.
	 * @param policyId the policy id
	 * @return completes when deleted
	 */
	public CompletableFuture<Void> delete(String policyId) {
		return Futures.checked(() -> this.transport
			.send(ApiRequest.delete("rotation.delete", Endpoints.rotationPolicy(policyId)), Void.class));
	}

	/**
	 * Put a secret under a rotation policy.
	 * @param policyId the policy id
	 * @param secretPath the secret path
	 * @return completes when assigned
	 */
	public CompletableFuture<Void> assignSecret(String policyId, String secretPath) {
		return Futures.checked(() -> {
			AssignBody body = new AssignBody(SecretPaths.validate(secretPath));
			ApiRequest request = ApiRequest.post("rotation.assign_secret", Endpoints.rotationPolicySecrets(policyId),
					body);
			return this.transport.send(request, Void.class);
		});
	}

	/**
	 * Take a secret out of a rotation policy.
	 * @param policyId the policy id
	 * @param secretPath the secret path
	 * @return completes when unassigned
	 */
	public CompletableFuture<Void> unassignSecret(String policyId, String secretPath) {
		return Futures.checked(() -> {
			String path = Endpoints.rotationPolicySecret(policyId, SecretPaths.validate(secretPath));
			return this.transport.send(ApiRequest.delete("rotation.unassign_secret", path), Void.class);
		});
	}

	/**
	 * Rotate secrets of a policy now.
	 * @param policyId the policy id
	 * @param secretPaths the secrets to rotate, all assigned to the policy
	 * @return one result per secret
	 */
	public CompletableFuture<List<RotationResult>> triggerRotation(String policyId, List<String> secretPaths) {
		return Futures.checked(() -> {
			if (secretPaths.isEmpty()) {
				throw new ValidationException("validation_error",
						"secretPaths must name at least one secret to rotate for policy '" + policyId + "'",
						java.util.Map.of(), null, 0);
			}
			TriggerBody body = new TriggerBody(secretPaths.stream().map(SecretPaths::validate).toList());
			ApiRequest request = ApiRequest.post("rotation.trigger_rotation", Endpoints.rotationTrigger(policyId),
					body);
			return this.transport.send(request, TriggerAnswer.class).thenApply(TriggerAnswer::results);
		});
	}

	/**
	 * Read the first page of a policy's rotation history.
	 * @param policyId the policy id
	 * @param limit page size, or {@code null}
	 * @return the page, newest first
	 */
	public CompletableFuture<Page<RotationHistoryEntry>> getHistory(String policyId, @Nullable Integer limit) {
		return getHistory(policyId, limit, null);
	}

	/**
	 * Read a policy's rotation history.
	 * @param policyId the policy id
	 * @param limit page size, or {@code null}
	 * @param cursor cursor of the previous page, or {@code null}
	 * @return the page
	 */
	public CompletableFuture<Page<RotationHistoryEntry>> getHistory(String policyId, @Nullable Integer limit,
			@Nullable String cursor) {
		return Futures.checked(() -> {
			ApiRequest request = ApiRequest.get("rotation.get_history", Endpoints.rotationHistory(policyId))
				.query("limit", limit)
				.query("cursor", cursor);
			return this.transport.send(request, HISTORY_PAGE);
		});
	}

	/**
	 * List the secrets whose rotation is due within the given time, in whole hours (rounded up).
	 * @param within the horizon, such as {@code Duration.ofDays(7)}
	 * @return the due secrets
	 */
	public CompletableFuture<List<DueSecret>> getSecretsDue(Duration within) {
		return Futures.checked(() -> {
			long seconds = within.toSeconds() + ((within.toNanosPart() > 0) ? 1 : 0);
			return getSecretsDue(Math.toIntExact(Math.floorDiv(seconds + 3599, 3600)));
		});
	}

	/**
	 * List the secrets whose rotation is due within the given number of hours.
	 * @param withinHours the horizon in hours, such as 168 for a week
	 * @return the due secrets
	 */
	public CompletableFuture<List<DueSecret>> getSecretsDue(int withinHours) {
		return Futures.checked(() -> {
			if (withinHours < 0) {
				throw new ValidationException("validation_error",
						"withinHours must not be negative, got " + withinHours, java.util.Map.of(), null, 0);
			}
			ApiRequest request = ApiRequest.get("rotation.get_secrets_due", Endpoints.rotationDue())
				.query("within_hours", withinHours);
			return this.transport.send(request, DueAnswer.class).thenApply(DueAnswer::data);
		});
	}

	/**
	 * Format a grace period as the documents do: whole hours in hours ({@code 48h}, not {@code 2d}).
	 */
	private static String hours(Duration duration) {
		return Durations.formatHours(duration);
	}

	/**
	 * Body of the create-policy request.
	 * @param name unique name of the policy
	 * @param interval time between rotations, such as {@code 720h}
	 * @param gracePeriod how long the previous version stays readable
	 * @param warnBefore how long before a rotation to warn
	 * @param autoGenerate whether the service generates the new value
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	private record CreateBody(String name, String interval, @Nullable String gracePeriod,
			@Nullable String warnBefore, boolean autoGenerate) {

	}

	/**
	 * Body of the assign request.
	 * @param secretPath the secret path
	 */
	private record AssignBody(String secretPath) {

	}

	/**
	 * Body of the trigger request.
	 * @param secretPaths the secret paths
	 */
	private record TriggerBody(List<String> secretPaths) {

	}

	/**
	 * Answer of the trigger request.
	 * @param results one result per secret
	 */
	private record TriggerAnswer(List<RotationResult> results) {

		TriggerAnswer {
			results = (results != null) ? List.copyOf(results) : List.of();
		}

	}

	/**
	 * Answer of the due-secrets request.
	 * @param data the due secrets
	 */
	private record DueAnswer(List<DueSecret> data) {

		DueAnswer {
			data = (data != null) ? List.copyOf(data) : List.of();
		}

	}

}
