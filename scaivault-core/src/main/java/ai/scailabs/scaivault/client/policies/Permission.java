package ai.scailabs.scaivault.client.policies;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import ai.scailabs.scaivault.client.ValidationException;
import ai.scailabs.scaivault.client.http.WireValues;

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
	ADMIN,

	/** A value this client does not know yet, answered by a newer service. */
	UNKNOWN;

	/**
	 * Return the wire value, such as {@code read}.
	 * @return the wire value
	 */
	@JsonValue
	public String value() {
		return WireValues.lowerCase(this);
	}

	/**
	 * Return the constant of a wire value that a user passed.
	 * @param value a wire value such as {@code read}
	 * @return the permission
	 * @throws ValidationException naming the allowed values
	 */
	public static Permission fromValue(String value) {
		return WireValues.parse(Permission.class, value, Permission::value, "permission");
	}

	/**
	 * Read a wire value that the service answered: a value this client does not know yet (a newer
	 * service) is read as {@link #UNKNOWN} rather than failing the whole answer.
	 * @param value the wire value
	 * @return the constant, or {@link #UNKNOWN}
	 */
	@JsonCreator
	static Permission fromWire(String value) {
		return WireValues.read(Permission.class, value, Permission::value, UNKNOWN);
	}

}
