package ai.scailabs.scaivault.devserver.dynamic;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How an engine creates and drops the accounts of one role.
 *
 * @param engine the engine name
 * @param name the role name, such as {@code readonly}
 * @param creationStatements SQL statements with placeholders that create the account
 * @param revocationStatements SQL statements with placeholders that drop it
 * @param defaultTtl lease duration when the request gives none
 * @param maxTtl the longest a lease may live from its creation, renewals included
 * @param createdAt when the role was configured
 */
record Role(String engine, String name, List<String> creationStatements, List<String> revocationStatements,
		Duration defaultTtl, Duration maxTtl, Instant createdAt) {

	Role {
		creationStatements = List.copyOf(creationStatements);
		revocationStatements = List.copyOf(revocationStatements);
	}

}
