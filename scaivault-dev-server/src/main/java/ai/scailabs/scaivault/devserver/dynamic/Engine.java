package ai.scailabs.scaivault.devserver.dynamic;

import java.time.Instant;

/**
 * A configured database engine. The admin password never leaves this record: it is not in
 * {@link #toString()}, in responses, in log lines or in error messages.
 *
 * @param name the engine name, such as {@code support-db}
 * @param type the kind of database
 * @param connectionUrl the JDBC URL the engine connects with, without credentials
 * @param username the admin user that creates and drops accounts
 * @param password the admin user's password (may be empty)
 * @param credentialsUrl the JDBC URL handed out with credentials, without credentials
 * @param createdAt when the engine was configured
 */
record Engine(String name, DatabaseType type, String connectionUrl, String username, String password,
		String credentialsUrl, Instant createdAt) {

	@Override
	public String toString() {
		return "Engine[name=" + this.name + ", type=" + this.type.id() + ", connectionUrl=" + this.connectionUrl
				+ ", username=" + this.username + ", password=<redacted>]";
	}

}
