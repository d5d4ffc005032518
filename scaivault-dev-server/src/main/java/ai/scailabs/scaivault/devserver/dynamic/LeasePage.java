package ai.scailabs.scaivault.devserver.dynamic;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of leases.
 *
 * @param leases the leases, in order of issue
 * @param hasMore whether more follow
 * @param cursor the cursor of the next page, or {@code null}
 */
record LeasePage(List<Lease> leases, boolean hasMore, @Nullable String cursor) {

}
