package ai.scailabs.scaivault.devserver.dynamic;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import ai.scailabs.scaivault.devserver.http.ApiException;

/**
 * Role statements: read from a request (a list of strings, or one string of statements separated
 * by {@code ;}) and rendered with Vault-style placeholders.
 */
final class Statements {

	/** The placeholders a statement may use. {@code {{username}}} is the same as {@code {{name}}}. */
	static final Set<String> PLACEHOLDERS = Set.of("name", "username", "password", "expiration", "database");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z_]+)\\s*}}");

	private Statements() {
	}

	/**
	 * @param field the request field, for error messages
	 * @param value the JSON value, or {@code null} when absent
	 * @param fallback the statements to use when absent
	 * @return the statements, at least one
	 */
	static List<String> read(String field, @Nullable JsonNode value, List<String> fallback) {
		if (value == null || value.isNull()) {
			return fallback;
		}
		List<String> statements = new ArrayList<>();
		if (value.isString()) {
			statements.addAll(split(value.asString()));
		}
		else if (value.isArray()) {
			for (JsonNode item : value) {
				if (!item.isString()) {
					throw ApiException.validation("Field '" + field + "' must be a list of SQL strings",
							Map.of("field", field));
				}
				statements.addAll(split(item.asString()));
			}
		}
		else {
			throw ApiException.validation("Field '" + field + "' must be a SQL string or a list of SQL strings",
					Map.of("field", field));
		}
		if (statements.isEmpty()) {
			throw ApiException.validation("Field '" + field + "' holds no SQL statement; leave it out for the defaults",
					Map.of("field", field));
		}
		for (String statement : statements) {
			Matcher matcher = PLACEHOLDER.matcher(statement);
			while (matcher.find()) {
				if (!PLACEHOLDERS.contains(matcher.group(1))) {
					throw ApiException.validation("Field '" + field + "' uses the unknown placeholder {{"
							+ matcher.group(1) + "}}; use {{name}}, {{password}}, {{expiration}} or {{database}}",
							Map.of("field", field));
				}
			}
		}
		return List.copyOf(statements);
	}

	/**
	 * @param statements statements
	 * @param placeholder a placeholder name without braces
	 * @return whether one of the statements uses it
	 */
	static boolean uses(List<String> statements, String placeholder) {
		for (String statement : statements) {
			Matcher matcher = PLACEHOLDER.matcher(statement);
			while (matcher.find()) {
				if (matcher.group(1).equals(placeholder)) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * @param statement a statement with placeholders
	 * @param values the value of each placeholder
	 * @return the statement with every placeholder replaced
	 */
	static String render(String statement, Map<String, String> values) {
		Matcher matcher = PLACEHOLDER.matcher(statement);
		StringBuilder result = new StringBuilder();
		while (matcher.find()) {
			String name = matcher.group(1).equals("username") ? "name" : matcher.group(1);
			String value = values.getOrDefault(name, "");
			matcher.appendReplacement(result, Matcher.quoteReplacement(value));
		}
		matcher.appendTail(result);
		return result.toString();
	}

	/**
	 * Split statements on {@code ;} outside quotes ({@code '}, {@code "}, backticks) and
	 * PostgreSQL dollar quotes ({@code $$}).
	 * @param text one or more statements
	 * @return the non-blank statements, trimmed
	 */
	static List<String> split(String text) {
		List<String> result = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		char quote = 0;
		boolean dollar = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (dollar) {
				if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '$') {
					dollar = false;
					current.append("$$");
					i++;
					continue;
				}
			}
			else if (quote != 0) {
				if (c == quote) {
					quote = 0;
				}
			}
			else if (c == '\'' || c == '"' || c == '`') {
				quote = c;
			}
			else if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '$') {
				dollar = true;
				current.append("$$");
				i++;
				continue;
			}
			else if (c == ';') {
				add(result, current);
				continue;
			}
			current.append(c);
		}
		add(result, current);
		return result;
	}

	private static void add(List<String> result, StringBuilder current) {
		String statement = current.toString().trim();
		if (!statement.isEmpty()) {
			result.add(statement);
		}
		current.setLength(0);
	}

}
