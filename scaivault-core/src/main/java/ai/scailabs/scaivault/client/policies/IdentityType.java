package ai.scailabs.scaivault.client.policies;

import java.util.Arrays;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The kind of identity a policy is bound to.
 */
public enum IdentityType {

	/** A ScaiKey group, such as {@code group:developers}. */
	GROUP("group"),

	/** A user, such as {@code user:alice@acme.example}. */
	USER("user"),

	/** A service account, such as {@code sa:reporting-service}. */
	SERVICE_ACCOUNT("service_account");

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
	 * @throws IllegalArgumentException when the identity has none of these prefixes
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
		throw new IllegalArgumentException("Identity '" + identityId
				+ "' has no known prefix: expected 'sa:', 'group:' or 'user:', or pass the identity type explicitly");
	}

	/**
	 * Return the identity type of a wire value.
	 * @param value a wire value such as {@code group}
	 * @return the identity type
	 * @throws IllegalArgumentException naming the allowed values
	 */
	@JsonCreator
	public static IdentityType fromValue(String value) {
		for (IdentityType type : values()) {
			if (type.value.equals(value)) {
				return type;
			}
		}
		throw new IllegalArgumentException("Unknown identity type '" + value + "', expected one of "
				+ Arrays.stream(values()).map(IdentityType::value).toList());
	}

}
