package ai.scailabs.scaivault.devserver.rotation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A rotation policy.
 *
 * @param id the id, such as {@code rot_...}
 * @param name the name
 * @param interval the time between rotations
 * @param gracePeriod how long the previous version stays readable after a rotation
 * @param warnBefore when to announce a coming rotation with {@code rotation.due}, before it is due
 * @param autoGenerate whether the dev server writes generated values itself ({@code password} secrets)
 * @param createdAt when the policy was created
 */
public record RotationPolicy(String id, String name, Duration interval, Duration gracePeriod,
		List<Duration> warnBefore, boolean autoGenerate, Instant createdAt) {

	public RotationPolicy {
		warnBefore = List.copyOf(warnBefore);
	}

}
