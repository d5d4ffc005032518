package ai.scailabs.scaivault.devserver.events;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import ai.scailabs.scaivault.devserver.http.ApiException;

/**
 * The policy glob syntax for subscription paths: segments separated by {@code /}, where
 * {@code *} matches exactly one segment and {@code **} any number of segments, including none.
 *
 * @param pattern the pattern
 * @param segments its segments
 */
public record PathGlob(String pattern, List<String> segments) {

	private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._-]+|\\*|\\*\\*");

	public PathGlob {
		segments = List.copyOf(segments);
	}

	/**
	 * Parse a glob.
	 * @param field the request field, named in errors
	 * @param pattern the pattern
	 * @return the glob
	 * @throws ApiException {@code validation_error} for a malformed pattern
	 */
	public static PathGlob parse(String field, String pattern) {
		List<String> segments = List.of(pattern.split("/", -1));
		for (String segment : segments) {
			if (!SEGMENT.matcher(segment).matches() || segment.equals(".") || segment.equals("..")) {
				throw ApiException.validation("Field '" + field + "' holds an invalid path pattern '" + pattern
						+ "': segments are names of letters, digits, '.', '_' and '-', or '*' (one segment) or '**' "
						+ "(any number of segments)", Map.of("field", field, "pattern", pattern));
			}
		}
		return new PathGlob(pattern, segments);
	}

	/**
	 * @param path a secret or resource path
	 * @return whether the glob matches it
	 */
	public boolean matches(String path) {
		return matches(0, path.split("/", -1), 0);
	}

	private boolean matches(int p, String[] path, int s) {
		if (p == this.segments.size()) {
			return s == path.length;
		}
		String segment = this.segments.get(p);
		if (segment.equals("**")) {
			for (int next = s; next <= path.length; next++) {
				if (matches(p + 1, path, next)) {
					return true;
				}
			}
			return false;
		}
		if (s == path.length) {
			return false;
		}
		return (segment.equals("*") || segment.equals(path[s])) && matches(p + 1, path, s + 1);
	}

}
