package ai.scailabs.scaivault.devserver.secrets;

import java.util.Map;
import java.util.Set;

import ai.scailabs.scaivault.devserver.http.ApiException;

/**
 * The secret types the dev server accepts.
 */
public final class SecretTypes {

	/** The default type of a write without {@code secret_type}. */
	public static final String JSON = "json";

	/** Passwords, which rotation may generate. */
	public static final String PASSWORD = "password";

	/** Every accepted type. */
	public static final Set<String> ALL = Set.of(JSON, PASSWORD, "api_key", "certificate", "ssh_key", "opaque");

	private SecretTypes() {
	}

	/**
	 * @param type a requested type
	 * @return the same type
	 * @throws ApiException {@code validation_error} for an unknown type
	 */
	public static String validate(String type) {
		if (!ALL.contains(type)) {
			throw ApiException.validation("Field 'secret_type' must be one of json, password, api_key, certificate, "
					+ "ssh_key, opaque", Map.of("field", "secret_type"));
		}
		return type;
	}

}
