package ai.scailabs.scaivault.client.dynamic;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;
import ai.scailabs.scaivault.client.http.ContractDurationDeserializer;

/**
 * Dynamic credentials and the lease they live under. {@link #toString()} never shows the
 * credentials, only the lease and the keys of {@link #data()}.
 *
 * @param leaseId lease id, such as {@code lease_...}
 * @param leaseDuration how long the lease lasts from when it was issued or last renewed
 * @param renewable whether the lease may be renewed
 * @param expiresAt when the lease, and the account, end
 * @param data the credentials: {@code username}, {@code password}, {@code connection_url}
 */
public record Lease(String leaseId,
		@JsonDeserialize(using = ContractDurationDeserializer.class) @Nullable Duration leaseDuration,
		boolean renewable, @Nullable Instant expiresAt, Map<String, Object> data) {

	public Lease {
		data = (data != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(data)) : Map.of();
	}

	/**
	 * Return the database user name.
	 * @return the user name, or {@code null} when absent
	 */
	public @Nullable String username() {
		return string("username");
	}

	/**
	 * Return the database password.
	 * @return the password, or {@code null} when absent
	 */
	public @Nullable String password() {
		return string("password");
	}

	/**
	 * Return the JDBC URL of the database, without credentials.
	 * @return the URL, or {@code null} when absent
	 */
	public @Nullable String connectionUrl() {
		return string("connection_url");
	}

	private @Nullable String string(String key) {
		Object value = this.data.get(key);
		return (value != null) ? value.toString() : null;
	}

	@Override
	public String toString() {
		return "Lease[leaseId=" + this.leaseId + ", leaseDuration=" + this.leaseDuration + ", renewable="
				+ this.renewable + ", expiresAt=" + this.expiresAt + ", keys=" + this.data.keySet() + "]";
	}

}
