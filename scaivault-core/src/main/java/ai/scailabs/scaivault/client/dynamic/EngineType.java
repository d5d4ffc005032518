package ai.scailabs.scaivault.client.dynamic;

import java.util.Arrays;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The database a dynamic secret engine creates accounts in.
 */
public enum EngineType {

	/** PostgreSQL: login roles with {@code VALID UNTIL}. */
	POSTGRESQL,

	/** MySQL or MariaDB: users dropped when their lease ends. */
	MYSQL,

	/** In-memory H2 run by the dev server: the zero-set-up engine for samples and tests. */
	H2;

	/**
	 * Return the wire value, such as {@code postgresql}.
	 * @return the wire value
	 */
	@JsonValue
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Return the engine type of a wire value.
	 * @param value a wire value such as {@code mysql}
	 * @return the engine type
	 * @throws IllegalArgumentException naming the allowed values
	 */
	@JsonCreator
	public static EngineType fromValue(String value) {
		for (EngineType type : values()) {
			if (type.value().equals(value)) {
				return type;
			}
		}
		throw new IllegalArgumentException("Unknown engine type '" + value + "', expected one of "
				+ Arrays.stream(values()).map(EngineType::value).toList());
	}

}
