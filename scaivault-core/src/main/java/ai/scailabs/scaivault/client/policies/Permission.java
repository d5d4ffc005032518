package ai.scailabs.scaivault.client.policies;

import java.util.Arrays;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An action a policy rule may allow on the secrets its pattern matches.
 */
public enum Permission {

	/** Read a secret's value. */
	READ,

	/** List secret paths. */
	LIST,

	/** Write a secret or its metadata. */
	WRITE,

	/** Delete a secret. */
	DELETE,

	/** Rotate a secret. */
	ROTATE,

	/** Administer the secrets, policies and configuration. */
	ADMIN;

	/**
	 * Return the wire value, such as {@code read}.
	 * @return the wire value
	 */
	@JsonValue
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Return the permission of a wire value.
	 * @param value a wire value such as {@code read}
	 * @return the permission
	 * @throws IllegalArgumentException naming the allowed values
	 */
	@JsonCreator
	public static Permission fromValue(String value) {
		for (Permission permission : values()) {
			if (permission.value().equals(value)) {
				return permission;
			}
		}
		throw new IllegalArgumentException("Unknown permission '" + value + "', expected one of "
				+ Arrays.stream(values()).map(Permission::value).toList());
	}

}
