package ai.scailabs.scaivault.client.secrets;

import java.util.Locale;

/**
 * Type of a secret, as the contract's {@code secret_type}.
 */
public enum SecretType {

	JSON, PASSWORD, API_KEY, CERTIFICATE, SSH_KEY, OPAQUE;

	/** @return the wire value, such as {@code api_key} */
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * @param value a wire value
	 * @return the type
	 */
	public static SecretType fromValue(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

}
