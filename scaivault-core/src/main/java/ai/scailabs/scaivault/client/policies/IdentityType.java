package ai.scailabs.scaivault.client.policies;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import ai.scailabs.scaivault.client.ValidationException;
import ai.scailabs.scaivault.client.http.WireValues;

/**
 * The kind of identity a policy is bound to.
 */
public enum IdentityType {

	/** A ScaiKey group, such as {@code group:developers}. */
	GROUP("group"),

	/** A user, such as {@code user:alice@acme.example}. */
	USER("user"),

	/** A service account, such as {@code sa:reporting-service}. */
	SERVICE_ACCOUNT("service_account"),

	/** A value this client does not know yet, answered by a newer service. */
	UNKNOWN("unknown");

	private final String value;

	IdentityType(String value) {
		this.value = value;
	}

	/**
	 * Return the wire value, such as {@code service_account}.
	 * @return the wire value
	 */
	@JsonValue
	public String value() {
		return this.value;
	}

	/**
	 * Return the identity type an identity's prefix names: {@code sa:} for a service account,
	 * {@code group:} for a group, {@code user:} for a user.
	 * @param identityId an identity such as {@code sa:reporting-service}
	 * @return the identity type
	 * @throws ValidationException when the identity has none of these prefixes
	 */
	public static IdentityType ofIdentity(String identityId) {
		if (identityId.startsWith("sa:")) {
			return SERVICE_ACCOUNT;
		}
		if (identityId.startsWith("group:")) {
			return GROUP;
		}
		if (identityId.startsWith("user:")) {
			return USER;
		}
		throw new ValidationException("validation_error", "Identity '" + identityId
				+ "' has no known prefix: expected 'sa:', 'group:' or 'user:', or pass the identity type explicitly",
				Map.of("identity_id", identityId), null, 0);
	}

	/**
	 * Return the constant of a wire value that a user passed.
	 * @param value a wire value such as {@code group}
	 * @return the identity type
	 * @throws ValidationException naming the allowed values
	 */
	public static IdentityType fromValue(String value) {
		return WireValues.parse(IdentityType.class, value, IdentityType::value, "identity type");
	}

	/**
	 * Read a wire value that the service answered: a value this client does not know yet (a newer
	 * service) is read as {@link #UNKNOWN} rather than failing the whole answer.
	 * @param value the wire value
	 * @return the constant, or {@link #UNKNOWN}
	 */
	@JsonCreator
	static IdentityType fromWire(String value) {
		return WireValues.read(IdentityType.class, value, IdentityType::value, UNKNOWN);
	}

}
