package ai.scailabs.scaivault.client.rotation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;
import ai.scailabs.scaivault.client.http.ContractDurationDeserializer;

/**
 * A rotation policy: how often its secrets rotate and how long the previous value stays valid.
 *
 * @param id policy id, such as {@code rot_xyz}
 * @param name unique name
 * @param interval time between rotations
 * @param gracePeriod how long the previous version stays readable after a rotation
 * @param warnBefore when to emit {@code rotation.due} ahead of a rotation, longest first as given
 * @param autoGenerate whether the service writes generated values itself ({@code password} secrets)
 * @param createdAt when the policy was created
 */
public record RotationPolicy(String id, String name,
		@JsonDeserialize(using = ContractDurationDeserializer.class) @Nullable Duration interval,
		@JsonDeserialize(using = ContractDurationDeserializer.class) @Nullable Duration gracePeriod,
		@JsonDeserialize(using = DurationListDeserializer.class) List<Duration> warnBefore, boolean autoGenerate,
		@Nullable Instant createdAt) {

	public RotationPolicy {
		warnBefore = (warnBefore != null) ? List.copyOf(warnBefore) : List.of();
	}

}
