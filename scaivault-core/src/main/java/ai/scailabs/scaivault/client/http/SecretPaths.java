package ai.scailabs.scaivault.client.http;

import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import ai.scailabs.scaivault.client.ValidationException;

/**
 * Checks secret paths before any request is sent: {@code segment("/"segment)*}, each segment
 * {@code [A-Za-z0-9._-]+} and not {@code .} or {@code ..}, at most 512 characters.
 */
public final class SecretPaths {

	/** Longest path the contract allows. */
	public static final int MAX_LENGTH = 512;

	private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._-]+");

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
		for (String segment : path.split("/", -1)) {
			if (segment.isEmpty()) {
				return "it has an empty segment ('//')";
			}
			if (segment.equals(".") || segment.equals("..")) {
				return "segments '.' and '..' are not allowed";
			}
			if (!SEGMENT.matcher(segment).matches()) {
				return "segment '" + segment + "' may only contain letters, digits, '.', '_' and '-'";
			}
		}
		return null;
	}

}
