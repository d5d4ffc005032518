package ai.scailabs.scaivault.config.env;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Tests for {@link SecretFlattener}.
 */
class SecretFlattenerTests {

	@Test
	void flattenWhenDataIsFlatKeepsKeysAsStoredWithPrefix() {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("client_id", "id");
		data.put("port", 5432);
		data.put("enabled", true);
		assertThat(SecretFlattener.flatten("salesforce.", data)).containsExactly(entry("salesforce.client_id", "id"),
				entry("salesforce.port", 5432), entry("salesforce.enabled", true));
	}

	@Test
	void flattenWhenDataIsNestedJoinsObjectsWithDotsAndArraysWithIndexes() {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("endpoints", Map.of("login", "https://login"));
		data.put("scopes", List.of("api", Map.of("name", "refresh")));
		assertThat(SecretFlattener.flatten("", data)).containsExactly(entry("endpoints.login", "https://login"),
				entry("scopes[0]", "api"), entry("scopes[1].name", "refresh"));
	}

	@Test
	void flattenWhenValueIsNullOrEmptyGivesEmptyString() {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("none", null);
		data.put("object", Map.of());
		data.put("array", List.of());
		assertThat(SecretFlattener.flatten("p.", data)).containsExactly(entry("p.none", ""), entry("p.object", ""),
				entry("p.array", ""));
	}

	@Test
	void flattenWithConsumerKeepsOrder() {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("b", "1");
		data.put("a", "2");
		List<String> names = new ArrayList<>();
		SecretFlattener.flatten("", data, (name, value) -> names.add(name));
		assertThat(names).containsExactly("b", "a");
	}

}
