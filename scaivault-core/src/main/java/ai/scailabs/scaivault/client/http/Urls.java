package ai.scailabs.scaivault.client.http;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Makes URLs safe to quote in a message or a {@code toString()}: the user-info part
 * ({@code user:password@}) and the query (such as {@code ?password=...} of a JDBC URL or
 * {@code ?token=...} of a webhook) may hold a credential and are never shown.
 */
public final class Urls {

	private static final String REDACTED = "***@";

	private static final String QUERY = "?***";

	private Urls() {
	}

	/**
	 * Return the URL without its user-info and query, to quote in a message.
	 * @param uri the URL
	 * @return the URL as text, {@code ***@} in place of any user-info and {@code ?***} in place of
	 * any query
	 */
	public static String redact(URI uri) {
		String authority = uri.getRawAuthority();
		if (authority != null && authority.indexOf('@') >= 0) {
			// A registry-based authority (such as "u:pw@bad_host") has no user-info of its own: cut at its last '@'.
			String text = uri.getScheme() + "://" + REDACTED + authority.substring(authority.lastIndexOf('@') + 1)
					+ ((uri.getRawPath() != null) ? uri.getRawPath() : "");
			return (uri.getRawQuery() != null) ? text + QUERY : text;
		}
		return withoutQuery(uri.toString());
	}

	/**
	 * Return the text of a URL (such as a JDBC or webhook URL), parsable or not, without anything
	 * that may be user-info and without its query, to quote in a message. When in doubt, more is
	 * hidden rather than less.
	 * @param url the URL text
	 * @return the text, {@code ***@} in place of everything up to the last {@code @} and
	 * {@code ?***} in place of any query
	 */
	public static String redact(String url) {
		String text = url;
		int at = text.lastIndexOf('@');
		if (at >= 0) {
			int schemeEnd = text.indexOf("://");
			int start = (schemeEnd >= 0 && schemeEnd < at) ? schemeEnd + 3 : 0;
			text = text.substring(0, start) + REDACTED + text.substring(at + 1);
		}
		return withoutQuery(text);
	}

	private static String withoutQuery(String text) {
		int query = text.indexOf('?');
		return (query >= 0) ? text.substring(0, query) + QUERY : text;
	}

	/**
	 * Return whether the URL text carries user-info, or anything that may be user-info.
	 * @param url the URL text
	 * @return whether an {@code @} appears before the path, query or fragment
	 */
	public static boolean hasUserInfo(String url) {
		try {
			String authority = new URI(url).getRawAuthority();
			if (authority != null) {
				return authority.indexOf('@') >= 0;
			}
		}
		catch (URISyntaxException ex) {
			// Not parsable: look at the text itself.
		}
		int schemeEnd = url.indexOf("://");
		int start = (schemeEnd >= 0) ? schemeEnd + 3 : 0;
		int end = url.length();
		for (char delimiter : new char[] { '/', '?', '#' }) {
			int index = url.indexOf(delimiter, start);
			if (index >= 0 && index < end) {
				end = index;
			}
		}
		return url.substring(start, end).indexOf('@') >= 0 || (schemeEnd < 0 && url.indexOf('@') >= 0);
	}

}
