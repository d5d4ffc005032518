package ai.scailabs.scaivault.devserver.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * Cursor pagination of the contract: {@code limit} (default 50, at most 1000) and {@code cursor}
 * in; {@code {"data", "has_more", "cursor"}} out. The cursor is the opaque (base64url) key of the
 * last item of the page; the next page holds the items whose key sorts after it, so that pages stay
 * stable while items are added.
 */
public final class Pagination {

	/** Default page size. */
	public static final int DEFAULT_LIMIT = 50;

	/** Largest page size. */
	public static final int MAX_LIMIT = 1000;

	private Pagination() {
	}

	/**
	 * @param request the request (its {@code limit} and {@code cursor} query parameters)
	 * @param items every item, sorted by ascending {@code key}
	 * @param key the item's unique, sortable key
	 * @param view what to write for an item
	 * @param <T> the item type
	 * @return the page body
	 */
	public static <T> Map<String, Object> page(ApiRequest request, List<T> items, Function<T, String> key,
			Function<T, Object> view) {
		int limit = limit(request.query("limit"));
		String after = decodeCursor(request.query("cursor"));
		List<Object> data = new ArrayList<>();
		String last = null;
		boolean more = false;
		for (T item : items) {
			String itemKey = key.apply(item);
			if (after != null && itemKey.compareTo(after) <= 0) {
				continue;
			}
			if (data.size() == limit) {
				more = true;
				break;
			}
			data.add(view.apply(item));
			last = itemKey;
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("data", data);
		body.put("has_more", more);
		body.put("cursor", (more && last != null) ? encodeCursor(last) : null);
		return body;
	}

	/**
	 * @param text the {@code limit} query parameter, or {@code null}
	 * @return the page size
	 */
	public static int limit(@Nullable String text) {
		if (text == null || text.isEmpty()) {
			return DEFAULT_LIMIT;
		}
		try {
			int limit = Integer.parseInt(text);
			if (limit >= 1 && limit <= MAX_LIMIT) {
				return limit;
			}
		}
		catch (NumberFormatException ex) {
			// fall through
		}
		throw ApiException.validation("Query parameter 'limit' must be an integer from 1 to " + MAX_LIMIT,
				Map.of("field", "limit"));
	}

	static String encodeCursor(String key) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
	}

	static @Nullable String decodeCursor(@Nullable String cursor) {
		if (cursor == null || cursor.isEmpty()) {
			return null;
		}
		try {
			return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.validation("Query parameter 'cursor' is not a cursor of this list; pass the "
					+ "'cursor' of the previous page", Map.of("field", "cursor"));
		}
	}

}
