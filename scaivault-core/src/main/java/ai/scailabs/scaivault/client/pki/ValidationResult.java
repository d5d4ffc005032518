package ai.scailabs.scaivault.client.pki;

import java.util.List;

/**
 * The outcome of a certificate validation.
 *
 * @param valid whether the certificate is valid
 * @param errors why not, in words; empty when valid
 */
public record ValidationResult(boolean valid, List<String> errors) {

	public ValidationResult {
		errors = (errors != null) ? List.copyOf(errors) : List.of();
	}

}
