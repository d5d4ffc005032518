package ai.scailabs.scaivault.devserver.dynamic;

import org.jspecify.annotations.Nullable;

/**
 * A request to configure an engine. {@link #toString()} leaves the password out.
 *
 * @param name the engine name
 * @param type {@code postgresql}, {@code mysql} (or {@code mariadb}) or {@code h2}
 * @param connectionUrl the JDBC URL without credentials; optional for {@code h2}, which then gets
 * an in-memory database kept by the dev server
 * @param username the admin user; optional for the in-memory {@code h2} database
 * @param password the admin password; optional
 * @param verifyConnection whether to connect now and refuse the engine when that fails
 */
record EngineRequest(String name, String type, @Nullable String connectionUrl, @Nullable String username,
		@Nullable String password, boolean verifyConnection) {

	@Override
	public String toString() {
		return "EngineRequest[name=" + this.name + ", type=" + this.type + ", connectionUrl=" + this.connectionUrl
				+ ", username=" + this.username + ", password=<redacted>, verifyConnection=" + this.verifyConnection
				+ "]";
	}

}
