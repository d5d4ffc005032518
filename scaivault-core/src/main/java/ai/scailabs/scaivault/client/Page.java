package ai.scailabs.scaivault.client;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of a cursor-paginated list.
 *
 * @param <T> the item type
 * @param data items of this page
 * @param hasMore whether another page follows
 * @param cursor cursor of the next page, or {@code null} on the last page
 */
public record Page<T>(List<T> data, boolean hasMore, @Nullable String cursor) {

	public Page {
		data = List.copyOf(data);
	}

}
