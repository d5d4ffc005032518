package ai.scailabs.scaivault.config.data;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import ai.scailabs.scaivault.config.env.SecretReference;

/**
 * Parses the value of a {@code scaivault:} location (without {@code optional:}).
 *
 * <p>Syntax: {@code scaivault:path[?option&...][;path[?option&...]...]}. Paths are separated by
 * {@code ;}; each path carries its own options:
 * <ul>
 * <li>{@code version=N}: read version N instead of the current one (pinned; rotation never
 * changes it);</li>
 * <li>{@code prefix=P}: prepend P verbatim to the property names of that path, such as
 * {@code prefix=salesforce.}.</li>
 * </ul>
 * Several locations are separated by {@code ,} as in any {@code spring.config.import}.
 *
 * @author ScaiLabs
 */
final class ScaiVaultLocationParser {

	static final String PREFIX = "scaivault:";

	private static final int MAX_PATH_LENGTH = 512;

	private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._-]+");

	private ScaiVaultLocationParser() {
	}

	/**
	 * Parse the given location.
	 * @param location the location, starting with {@code scaivault:}
	 * @return the references, in order
	 * @throws InvalidScaiVaultLocationException if the location is not well formed
	 */
	static List<SecretReference> parse(String location) {
		if (!location.startsWith(PREFIX)) {
			throw new InvalidScaiVaultLocationException(location, "it does not start with '" + PREFIX + "'");
		}
		String value = location.substring(PREFIX.length());
		if (value.isBlank()) {
			throw new InvalidScaiVaultLocationException(location,
					"it names no secret path; write scaivault:<path>, for example scaivault:apps/my-app/config");
		}
		List<SecretReference> references = new ArrayList<>();
		Set<SecretReference> seen = new HashSet<>();
		for (String part : value.split(";", -1)) {
			SecretReference reference = parseReference(location, part.strip());
			if (!seen.add(reference)) {
				throw new InvalidScaiVaultLocationException(location, "it names '" + reference + "' twice");
			}
			references.add(reference);
		}
		return List.copyOf(references);
	}

	private static SecretReference parseReference(String location, String part) {
		if (part.isEmpty()) {
			throw new InvalidScaiVaultLocationException(location,
					"it has an empty path; separate paths with a single ';'");
		}
		int queryStart = part.indexOf('?');
		String path = (queryStart != -1) ? part.substring(0, queryStart) : part;
		validatePath(location, path);
		Integer version = null;
		String prefix = "";
		if (queryStart != -1) {
			Set<String> names = new HashSet<>();
			for (String option : part.substring(queryStart + 1).split("&", -1)) {
				int equals = option.indexOf('=');
				if (equals <= 0) {
					throw new InvalidScaiVaultLocationException(location, "option '" + option + "' of path '" + path
							+ "' is not name=value; the options are version=<number> and prefix=<text>");
				}
				String name = option.substring(0, equals);
				String optionValue = option.substring(equals + 1);
				if (!names.add(name)) {
					throw new InvalidScaiVaultLocationException(location,
							"option '" + name + "' of path '" + path + "' is given twice");
				}
				switch (name) {
					case "version" -> version = parseVersion(location, path, optionValue);
					case "prefix" -> prefix = optionValue;
					default -> throw new InvalidScaiVaultLocationException(location, "unknown option '" + name
							+ "' of path '" + path + "'; the options are version=<number> and prefix=<text>");
				}
			}
		}
		return new SecretReference(path, version, prefix);
	}

	private static void validatePath(String location, String path) {
		if (path.isEmpty()) {
			throw new InvalidScaiVaultLocationException(location, "a path is empty before its options");
		}
		if (path.length() > MAX_PATH_LENGTH) {
			throw new InvalidScaiVaultLocationException(location,
					"path '" + path + "' is longer than " + MAX_PATH_LENGTH + " characters");
		}
		for (String segment : path.split("/", -1)) {
			if (!SEGMENT.matcher(segment).matches() || segment.equals(".") || segment.equals("..")) {
				throw new InvalidScaiVaultLocationException(location, "path '" + path
						+ "' is not a secret path: use segments of letters, digits, '.', '_' and '-' separated by"
						+ " single '/', with no leading or trailing '/' and no '.' or '..' segment");
			}
		}
	}

	private static Integer parseVersion(String location, String path, @Nullable String value) {
		try {
			int version = Integer.parseInt(value);
			if (version >= 1) {
				return version;
			}
		}
		catch (NumberFormatException ex) {
			// fall through
		}
		throw new InvalidScaiVaultLocationException(location,
				"version '" + value + "' of path '" + path + "' is not a positive whole number");
	}

}
