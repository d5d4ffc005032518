package ai.scailabs.scaivault.devserver.http;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One registered route: a method, a parsed pattern and its handler.
 *
 * @param method the HTTP method, upper case
 * @param pattern the pattern as registered, such as {@code /v1/secrets/{path**}/rotate}
 * @param segments the pattern's segments
 * @param handler the handler
 * @param anonymous whether the route needs no bearer token
 */
record Route(String method, String pattern, List<Segment> segments, Handler handler, boolean anonymous) {

	static Route parse(String method, String pattern, Handler handler, boolean anonymous) {
		if (!pattern.startsWith("/")) {
			throw new IllegalArgumentException("Route pattern '" + pattern + "' must start with '/'");
		}
		List<Segment> segments = new java.util.ArrayList<>();
		boolean sawRest = false;
		for (String part : pattern.substring(1).split("/", -1)) {
			if (part.isEmpty()) {
				throw new IllegalArgumentException("Route pattern '" + pattern + "' has an empty segment");
			}
			if (part.startsWith("{") && part.endsWith("}")) {
				String name = part.substring(1, part.length() - 1);
				boolean rest = name.endsWith("**");
				if (rest) {
					if (sawRest) {
						throw new IllegalArgumentException("Route pattern '" + pattern + "' has two {name**} variables");
					}
					sawRest = true;
					name = name.substring(0, name.length() - 2);
				}
				segments.add(new Segment(name, true, rest));
			}
			else {
				segments.add(new Segment(part, false, false));
			}
		}
		return new Route(method.toUpperCase(java.util.Locale.ROOT), pattern, List.copyOf(segments), handler, anonymous);
	}

	/** @return how many literal segments the pattern has (more wins) */
	int literalCount() {
		int count = 0;
		for (Segment segment : this.segments) {
			if (!segment.variable()) {
				count++;
			}
		}
		return count;
	}

	/**
	 * Match decoded path segments.
	 * @param path the path's decoded segments
	 * @return the path variables, or {@code null} when the route does not match
	 */
	@Nullable Map<String, String> match(List<String> path) {
		return match(path, 0, 0, new java.util.LinkedHashMap<>());
	}

	private @Nullable Map<String, String> match(List<String> path, int p, int s, Map<String, String> variables) {
		if (s == this.segments.size()) {
			return (p == path.size()) ? variables : null;
		}
		if (p == path.size()) {
			return null;
		}
		Segment segment = this.segments.get(s);
		if (!segment.variable()) {
			return segment.name().equals(path.get(p)) ? match(path, p + 1, s + 1, variables) : null;
		}
		if (!segment.rest()) {
			variables.put(segment.name(), path.get(p));
			return match(path, p + 1, s + 1, variables);
		}
		int remainingPattern = this.segments.size() - s - 1;
		// longest first, so that /v1/secrets/a/rotate/rotate keeps the last "rotate" as the literal
		for (int end = path.size() - remainingPattern; end > p; end--) {
			Map<String, String> attempt = new java.util.LinkedHashMap<>(variables);
			attempt.put(segment.name(), String.join("/", path.subList(p, end)));
			Map<String, String> result = match(path, end, s + 1, attempt);
			if (result != null) {
				return result;
			}
		}
		return null;
	}

	/**
	 * One pattern segment.
	 *
	 * @param name the literal text, or the variable name
	 * @param variable whether it is a variable
	 * @param rest whether it is a {@code {name**}} variable
	 */
	record Segment(String name, boolean variable, boolean rest) {
	}

}
