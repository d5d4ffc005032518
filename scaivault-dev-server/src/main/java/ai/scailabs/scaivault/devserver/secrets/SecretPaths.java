package ai.scailabs.scaivault.devserver.secrets;

import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import ai.scailabs.scaivault.devserver.http.ApiException;

/**
 * The contract's secret path rule (section 1): {@code segment("/"segment)*}, each segment
 * {@code [A-Za-z0-9._-]+} and not {@code .} or {@code ..}, no leading or trailing {@code /}, at most
 * 512 characters. Paths are case-sensitive.
 */
public final class SecretPaths {

	/** The longest path the contract allows. */
	public static final int MAX_LENGTH = 512;

	private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._-]+");

	private SecretPaths() {
	}

	/**
	 * Return the path if it follows the rule.
	 * @param path the secret path
	 * @return the same path
	 * @throws ApiException {@code validation_error} naming the path and the rule it breaks
	 */
	public static String validate(String path) {
		String problem = problem(path);
		if (problem != null) {
			throw ApiException.validation("Invalid secret path '" + abbreviate(path) + "': " + problem,
					Map.of("path", abbreviate(path), "rule", problem));
		}
		return path;
	}

	/**
	 * @param path a candidate path
	 * @return whether it follows the rule
	 */
	public static boolean isValid(String path) {
		return problem(path) == null;
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
				return "segment '" + abbreviate(segment) + "' may only contain letters, digits, '.', '_' and '-'";
			}
		}
		return null;
	}

	private static String abbreviate(String text) {
		return (text.length() <= 600) ? text : text.substring(0, 600) + "...";
	}

}
