package ai.scailabs.scaivault.devserver.policy;

import java.util.List;

/**
 * A compiled {@code path_pattern}: segments separated by {@code /}; a {@code *} segment matches
 * one segment, a {@code **} segment any number of segments including none, and a {@code *} inside
 * a segment (such as {@code db-*}) any characters within that segment.
 *
 * @param pattern the pattern text
 * @param segments its segments
 */
public record PathPattern(String pattern, List<String> segments) {

	/**
	 * @param pattern the pattern text
	 * @return the compiled pattern
	 * @throws IllegalArgumentException with a message that says what is wrong
	 */
	public static PathPattern compile(String pattern) {
		if (pattern.isEmpty()) {
			throw new IllegalArgumentException("must not be empty");
		}
		if (pattern.startsWith("/") || pattern.endsWith("/")) {
			throw new IllegalArgumentException("must not start or end with '/'");
		}
		if (pattern.length() > 512) {
			throw new IllegalArgumentException("must be at most 512 characters");
		}
		List<String> segments = List.of(pattern.split("/", -1));
		for (String segment : segments) {
			if (segment.isEmpty()) {
				throw new IllegalArgumentException("must not have an empty segment ('//')");
			}
			if (segment.contains("**") && !segment.equals("**")) {
				throw new IllegalArgumentException("may use '**' only as a whole segment");
			}
			if (!segment.matches("[A-Za-z0-9._*-]+")) {
				throw new IllegalArgumentException("segment '" + segment
						+ "' may only hold letters, digits, '.', '_', '-' and '*'");
			}
		}
		return new PathPattern(pattern, segments);
	}

	/**
	 * @param path a secret or resource path
	 * @return whether the pattern matches it
	 */
	public boolean matches(String path) {
		return matches(this.segments, 0, path.split("/", -1), 0);
	}

	private static boolean matches(List<String> pattern, int p, String[] path, int s) {
		if (p == pattern.size()) {
			return s == path.length;
		}
		String segment = pattern.get(p);
		if (segment.equals("**")) {
			for (int next = s; next <= path.length; next++) {
				if (matches(pattern, p + 1, path, next)) {
					return true;
				}
			}
			return false;
		}
		return s < path.length && segmentMatches(segment, path[s]) && matches(pattern, p + 1, path, s + 1);
	}

	private static boolean segmentMatches(String pattern, String segment) {
		if (pattern.equals("*")) {
			return !segment.isEmpty();
		}
		if (pattern.indexOf('*') < 0) {
			return pattern.equals(segment);
		}
		return wildcard(pattern, 0, segment, 0);
	}

	private static boolean wildcard(String pattern, int p, String text, int t) {
		if (p == pattern.length()) {
			return t == text.length();
		}
		if (pattern.charAt(p) == '*') {
			for (int next = t; next <= text.length(); next++) {
				if (wildcard(pattern, p + 1, text, next)) {
					return true;
				}
			}
			return false;
		}
		return t < text.length() && pattern.charAt(p) == text.charAt(t) && wildcard(pattern, p + 1, text, t + 1);
	}

	@Override
	public String toString() {
		return this.pattern;
	}

}
