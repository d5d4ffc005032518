package ai.scailabs.scaivault.client.dynamic;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;
import ai.scailabs.scaivault.client.http.ContractDurationDeserializer;

/**
 * A role of a dynamic secret engine.
 *
 * @param name role name
 * @param engine the engine it belongs to
 * @param creationStatements SQL run to create an account
 * @param revocationStatements SQL run to drop it
 * @param defaultTtl default lease lifetime
 * @param maxTtl longest lease lifetime
 */
public record DynamicRole(String name, @Nullable String engine, List<String> creationStatements,
		List<String> revocationStatements,
		@JsonDeserialize(using = ContractDurationDeserializer.class) @Nullable Duration defaultTtl,
		@JsonDeserialize(using = ContractDurationDeserializer.class) @Nullable Duration maxTtl) {

	public DynamicRole {
		creationStatements = (creationStatements != null) ? List.copyOf(creationStatements) : List.of();
		revocationStatements = (revocationStatements != null) ? List.copyOf(revocationStatements) : List.of();
	}

}
