package ai.scailabs.scaivault.config.env;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import org.jspecify.annotations.Nullable;

/**
 * Turns the {@code data} of a secret into flat property names, as Spring Boot does for YAML: nested
 * objects join with dots ({@code endpoints.login}), arrays use indexes ({@code scopes[0]}), a JSON
 * {@code null} or an empty object or array becomes an empty string. Keys are kept as stored, so
 * {@code client_id} stays {@code client_id}: Spring Boot's relaxed binding matches it to a
 * {@code clientId} field and to {@code ${prefix.client-id}} (see {@link ScaiVaultPropertySource}).
 *
 * @author ScaiLabs
 */
public final class SecretFlattener {

	private SecretFlattener() {
	}

	/**
	 * Flatten the given data.
	 * @param prefix prefix prepended verbatim to every name
	 * @param data the secret's data
	 * @return flat names and values, in the order of the data
	 */
	public static Map<String, Object> flatten(String prefix, Map<String, ?> data) {
		Map<String, Object> result = new LinkedHashMap<>();
		flatten(prefix, data, result::put);
		return result;
	}

	/**
	 * Flatten the given data, passing every name and value to the consumer.
	 * @param prefix prefix prepended verbatim to every name
	 * @param data the secret's data
	 * @param consumer receives names and values, in the order of the data
	 */
	public static void flatten(String prefix, Map<String, ?> data, BiConsumer<String, Object> consumer) {
		data.forEach((key, value) -> add(prefix + key, value, consumer));
	}

	private static void add(String name, @Nullable Object value, BiConsumer<String, Object> consumer) {
		if (value instanceof Map<?, ?> map && !map.isEmpty()) {
			map.forEach((key, nested) -> add(name + "." + key, nested, consumer));
		}
		else if (value instanceof List<?> list && !list.isEmpty()) {
			for (int i = 0; i < list.size(); i++) {
				add(name + "[" + i + "]", list.get(i), consumer);
			}
		}
		else if (value == null || value instanceof Map<?, ?> || value instanceof List<?>) {
			consumer.accept(name, "");
		}
		else {
			consumer.accept(name, value);
		}
	}

}
