package ai.scailabs.scaivault.devserver.dynamic;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The kinds of database an engine can manage, with the role statements used when a role leaves
 * them out. The statements use Vault-style placeholders: {@code {{name}}}, {@code {{password}}},
 * {@code {{expiration}}} and {@code {{database}}} (the database of the engine's connection URL).
 */
enum DatabaseType {

	/**
	 * PostgreSQL. Generated roles log in with a password that stops working at {@code VALID UNTIL}
	 * and join the group role {@code scaivault_dynamic} (created by the engine when missing), so
	 * that {@code pg_hba.conf} can require password authentication for them alone
	 * ({@code host all +scaivault_dynamic 127.0.0.1/32 scram-sha-256}).
	 */
	POSTGRESQL("postgresql", List.of("jdbc:postgresql:"),
			List.of("CREATE ROLE \"{{name}}\" WITH LOGIN PASSWORD '{{password}}' VALID UNTIL '{{expiration}}' IN ROLE "
					+ DatabaseType.POSTGRESQL_GROUP,
					"GRANT USAGE ON SCHEMA public TO \"{{name}}\"",
					"GRANT SELECT ON ALL TABLES IN SCHEMA public TO \"{{name}}\""),
			List.of("REASSIGN OWNED BY \"{{name}}\" TO CURRENT_USER", "DROP OWNED BY \"{{name}}\"",
					"DROP ROLE IF EXISTS \"{{name}}\"")),

	/** MySQL or MariaDB: a user at any host with read access to the engine's database. */
	MYSQL("mysql", List.of("jdbc:mysql:", "jdbc:mariadb:"),
			List.of("CREATE USER '{{name}}'@'%' IDENTIFIED BY '{{password}}'",
					"GRANT SELECT ON `{{database}}`.* TO '{{name}}'@'%'"),
			List.of("DROP USER IF EXISTS '{{name}}'@'%'")),

	/** H2, by default an in-memory database that the dev server keeps. */
	H2("h2", List.of("jdbc:h2:"),
			List.of("CREATE USER \"{{name}}\" PASSWORD '{{password}}'", "GRANT SELECT ON SCHEMA PUBLIC TO \"{{name}}\""),
			List.of("DROP USER IF EXISTS \"{{name}}\""));

	/** The PostgreSQL group role every generated role joins. */
	static final String POSTGRESQL_GROUP = "scaivault_dynamic";

	private final String id;

	private final List<String> urlPrefixes;

	private final List<String> defaultCreationStatements;

	private final List<String> defaultRevocationStatements;

	DatabaseType(String id, List<String> urlPrefixes, List<String> defaultCreationStatements,
			List<String> defaultRevocationStatements) {
		this.id = id;
		this.urlPrefixes = urlPrefixes;
		this.defaultCreationStatements = defaultCreationStatements;
		this.defaultRevocationStatements = defaultRevocationStatements;
	}

	/** @return the name used in requests and responses */
	String id() {
		return this.id;
	}

	List<String> defaultCreationStatements() {
		return this.defaultCreationStatements;
	}

	List<String> defaultRevocationStatements() {
		return this.defaultRevocationStatements;
	}

	/**
	 * @param url a JDBC URL
	 * @return whether the URL is one for this kind of database
	 */
	boolean accepts(String url) {
		String lower = url.toLowerCase(Locale.ROOT);
		return this.urlPrefixes.stream().anyMatch(lower::startsWith);
	}

	/** @return the URL prefixes this type accepts, for error messages */
	List<String> urlPrefixes() {
		return this.urlPrefixes;
	}

	/**
	 * @param id the name used in requests ({@code mariadb} is taken as {@code mysql})
	 * @return the type, or {@code null} when unknown
	 */
	static @Nullable DatabaseType of(String id) {
		String lower = id.toLowerCase(Locale.ROOT);
		if (lower.equals("mariadb")) {
			return MYSQL;
		}
		for (DatabaseType type : values()) {
			if (type.id.equals(lower)) {
				return type;
			}
		}
		return null;
	}

}
