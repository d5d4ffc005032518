package ai.scailabs.scaivault.client.dynamic;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import ai.scailabs.scaivault.client.ValidationException;
import ai.scailabs.scaivault.client.http.WireValues;

/**
 * The database a dynamic secret engine creates accounts in.
 */
public enum EngineType {

	/** PostgreSQL: login roles with {@code VALID UNTIL}. */
	POSTGRESQL,

	/** MySQL or MariaDB: users dropped when their lease ends. */
	MYSQL,

	/** In-memory H2 run by the dev server: the zero-set-up engine for samples and tests. */
	H2,

	/** A value this client does not know yet, answered by a newer service. */
	UNKNOWN;

	/**
	 * Return the wire value, such as {@code postgresql}.
	 * @return the wire value
	 */
	@JsonValue
	public String value() {
		return WireValues.lowerCase(this);
	}

	/**
	 * Return the constant of a wire value that a user passed.
	 * @param value a wire value such as {@code mysql}
	 * @return the engine type
	 * @throws ValidationException naming the allowed values
	 */
	public static EngineType fromValue(String value) {
		return WireValues.parse(EngineType.class, value, EngineType::value, "engine type");
	}

	/**
	 * Read a wire value that the service answered: a value this client does not know yet (a newer
	 * service) is read as {@link #UNKNOWN} rather than failing the whole answer.
	 * @param value the wire value
	 * @return the constant, or {@link #UNKNOWN}
	 */
	@JsonCreator
	static EngineType fromWire(String value) {
		return WireValues.read(EngineType.class, value, EngineType::value, UNKNOWN);
	}

}
