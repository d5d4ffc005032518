package ai.scailabs.scaivault.client.http;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import ai.scailabs.scaivault.client.ValidationException;

/**
 * Checks secret paths before any request is sent: {@code segment("/"segment)*}, each segment
 * {@code [A-Za-z0-9._-]+} and not {@code .} or {@code ..}, at most 512 characters.
 */
public final class SecretPaths {

	/** Longest path the contract allows. */
	public static final int MAX_LENGTH = 512;

	private SecretPaths() {
	}

	/**
	 * Return the path if it is valid.
	 * @param path the secret path
	 * @return the same path
	 * @throws ValidationException naming the path and what is wrong with it
	 */
	public static String validate(String path) {
		String problem = problem(path);
		if (problem != null) {
			throw new ValidationException("validation_error", "Invalid secret path '" + path + "': " + problem,
					Map.of("path", path), null, 0);
		}
		return path;
	}

	private static @Nullable String problem(String path) {
		if (path.isEmpty()) {
			return "it is empty";
		}
		if (path.length() > MAX_LENGTH) {
			return "it is longer than " + MAX_LENGTH + " characters";
		}
		if (path.startsWith("/") || path.endsWith("/")) {
			return "it must not start or end with '/'";
		}
		// One pass, no regular expression: this runs on every call.
		int start = 0;
		for (int i = 0; i <= path.length(); i++) {
			if (i < path.length() && path.charAt(i) != '/') {
				continue;
			}
			String problem = segmentProblem(path, start, i);
			if (problem != null) {
				return problem;
			}
			start = i + 1;
		}
		return null;
	}

	private static @Nullable String segmentProblem(String path, int start, int end) {
		if (start == end) {
			return "it has an empty segment ('//')";
		}
		if (path.startsWith(".", start) && (end - start == 1 || (end - start == 2 && path.charAt(start + 1) == '.'))) {
			return "segments '.' and '..' are not allowed";
		}
		for (int i = start; i < end; i++) {
			char c = path.charAt(i);
			boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
					|| c == '_' || c == '-';
			if (!allowed) {
				return "segment '" + path.substring(start, end) + "' may only contain letters, digits, '.', '_' and '-'";
			}
		}
		return null;
	}

}
