package ai.scailabs.scaivault.client.rotation;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import ai.scailabs.scaivault.client.Page;
import ai.scailabs.scaivault.client.http.Blocking;

/**
 * Rotation policies: create, get, list, delete, assign and unassign secrets, trigger, history,
 * due, blocking: the same methods as {@link AsyncRotationOperations}, waiting for the answer.
 */
public final class RotationOperations {

	private final AsyncRotationOperations async;

	public RotationOperations(AsyncRotationOperations async) {
		this.async = async;
	}

	/**
	 * Create a rotation policy without early warnings.
	 * @param name unique name
	 * @param interval time between rotations
	 * @param gracePeriod how long the previous version stays readable, or {@code null}
	 * @param autoGenerate whether the service writes generated values itself
	 * @return the created policy
	 */
	public RotationPolicy create(String name, Duration interval, @Nullable Duration gracePeriod,
			boolean autoGenerate) {
		return Blocking.join(this.async.create(name, interval, gracePeriod, autoGenerate));
	}

	/**
	 * Create a rotation policy.
	 * @param name unique name
	 * @param interval time between rotations
	 * @param gracePeriod how long the previous version stays readable, or {@code null}
	 * @param warnBefore when to warn ahead of a rotation; empty for none
	 * @param autoGenerate whether the service writes generated values itself
	 * @return the created policy
	 */
	public RotationPolicy create(String name, Duration interval, @Nullable Duration gracePeriod,
			List<Duration> warnBefore, boolean autoGenerate) {
		return Blocking.join(this.async.create(name, interval, gracePeriod, warnBefore, autoGenerate));
	}

	/**
	 * Get a rotation policy.
	 * @param policyId the policy id
	 * @return the policy
	 */
	public RotationPolicy get(String policyId) {
		return Blocking.join(this.async.get(policyId));
	}

	/**
	 * List the first page of rotation policies.
	 * @return the page
	 */
	public Page<RotationPolicy> list() {
		return Blocking.join(this.async.list());
	}

	/**
	 * List rotation policies.
	 * @param limit page size, or {@code null}
	 * @param cursor cursor of the previous page, or {@code null}
	 * @return the page
	 */
	public Page<RotationPolicy> list(@Nullable Integer limit, @Nullable String cursor) {
		return Blocking.join(this.async.list(limit, cursor));
	}

	/**
	 * Delete a rotation policy.
	 * @param policyId the policy id
	 */
	public void delete(String policyId) {
		Blocking.join(this.async.delete(policyId));
	}

	/**
	 * Put a secret under a rotation policy.
	 * @param policyId the policy id
	 * @param secretPath the secret path
	 */
	public void assignSecret(String policyId, String secretPath) {
		Blocking.join(this.async.assignSecret(policyId, secretPath));
	}

	/**
	 * Take a secret out of a rotation policy.
	 * @param policyId the policy id
	 * @param secretPath the secret path
	 */
	public void unassignSecret(String policyId, String secretPath) {
		Blocking.join(this.async.unassignSecret(policyId, secretPath));
	}

	/**
	 * Rotate secrets of a policy now.
	 * @param policyId the policy id
	 * @param secretPaths the secrets to rotate
	 * @return one result per secret
	 */
	public List<RotationResult> triggerRotation(String policyId, List<String> secretPaths) {
		return Blocking.join(this.async.triggerRotation(policyId, secretPaths));
	}

	/**
	 * Read the first page of a policy's rotation history.
	 * @param policyId the policy id
	 * @param limit page size, or {@code null}
	 * @return the page
	 */
	public Page<RotationHistoryEntry> getHistory(String policyId, @Nullable Integer limit) {
		return Blocking.join(this.async.getHistory(policyId, limit));
	}

	/**
	 * Read a policy's rotation history.
	 * @param policyId the policy id
	 * @param limit page size, or {@code null}
	 * @param cursor cursor of the previous page, or {@code null}
	 * @return the page
	 */
	public Page<RotationHistoryEntry> getHistory(String policyId, @Nullable Integer limit,
			@Nullable String cursor) {
		return Blocking.join(this.async.getHistory(policyId, limit, cursor));
	}

	/**
	 * List the secrets whose rotation is due within the given time, in whole hours (rounded up).
	 * @param within the horizon
	 * @return the due secrets
	 */
	public List<DueSecret> getSecretsDue(Duration within) {
		return Blocking.join(this.async.getSecretsDue(within));
	}

	/**
	 * List the secrets whose rotation is due within the given number of hours.
	 * @param withinHours the horizon in hours
	 * @return the due secrets
	 */
	public List<DueSecret> getSecretsDue(int withinHours) {
		return Blocking.join(this.async.getSecretsDue(withinHours));
	}

}
