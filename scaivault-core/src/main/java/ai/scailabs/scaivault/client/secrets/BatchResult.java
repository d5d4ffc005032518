package ai.scailabs.scaivault.client.secrets;

import java.util.Map;

import ai.scailabs.scaivault.client.ApiError;

/**
 * Answer of a batch read: the secrets that could be read and, per path, why the others could not.
 *
 * @param secrets secrets read, by path
 * @param errors errors, by path (a denied or missing path never fails the whole batch)
 */
public record BatchResult(Map<String, Secret> secrets, Map<String, ApiError> errors) {

	public BatchResult {
		secrets = (secrets != null) ? Map.copyOf(secrets) : Map.of();
		errors = (errors != null) ? Map.copyOf(errors) : Map.of();
	}

	@Override
	public String toString() {
		return "BatchResult[secrets=" + this.secrets.keySet() + ", errors=" + this.errors + "]";
	}

}
