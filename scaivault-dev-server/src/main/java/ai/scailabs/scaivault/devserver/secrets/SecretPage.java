package ai.scailabs.scaivault.devserver.secrets;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of a secret listing.
 *
 * @param data the items, ordered by path
 * @param hasMore whether more items follow
 * @param cursor the opaque cursor of the next page, or {@code null} on the last page
 */
public record SecretPage(List<SecretSummary> data, boolean hasMore, @Nullable String cursor) {

	public SecretPage {
		data = List.copyOf(data);
	}

}
