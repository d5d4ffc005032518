package ai.scailabs.scaivault.client.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON mapping of the contract: {@code snake_case} names, unknown response fields ignored,
 * {@code null} fields left out of requests, timestamps as RFC 3339 strings.
 */
public final class ScaiVaultJson {

	private static final JsonMapper shared = createMapper();

	private ScaiVaultJson() {
	}

	/**
	 * Return the mapper shared by every client (immutable and thread-safe).
	 * @return the shared mapper
	 */
	public static JsonMapper mapper() {
		return shared;
	}

	/**
	 * Create the mapper the client uses for request and response bodies.
	 * @return a new mapper
	 */
	public static JsonMapper createMapper() {
		return JsonMapper.builder()
			.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
			.changeDefaultPropertyInclusion((inclusion) -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
			.build();
	}

}
