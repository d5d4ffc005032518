package ai.scailabs.scaivault.client.dynamic;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import ai.scailabs.scaivault.client.http.Urls;

/**
 * How a dynamic secret engine reaches its database, with the admin account it creates accounts
 * with. {@link #toString()} never shows the password.
 *
 * @param name engine name, such as {@code support-db}
 * @param type the database kind
 * @param connectionUrl JDBC URL of the database, without credentials
 * @param username admin account
 * @param password admin password (secret: never returned by the service)
 * @param verifyConnection whether the service connects once before accepting, or {@code null} for its
 * default
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EngineConfiguration(String name, EngineType type, String connectionUrl, String username,
		String password, @Nullable Boolean verifyConnection) {

	public EngineConfiguration {
		Objects.requireNonNull(name, "name must not be null");
		Objects.requireNonNull(type, "type must not be null");
		Objects.requireNonNull(connectionUrl, "connectionUrl must not be null");
		Objects.requireNonNull(username, "username must not be null");
		Objects.requireNonNull(password, "password must not be null");
	}

	@Override
	public String toString() {
		return "EngineConfiguration[name=" + this.name + ", type=" + this.type + ", connectionUrl="
				+ Urls.redact(this.connectionUrl) + ", username=" + this.username + ", password=(redacted), verifyConnection="
				+ this.verifyConnection + "]";
	}

}
