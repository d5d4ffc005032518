package ai.scailabs.scaivault.devserver.pki;

import java.util.List;

/**
 * The answer of {@code POST /v1/pki/validate}.
 *
 * @param valid whether the certificate is valid
 * @param errors why it is not, empty when valid
 */
public record ValidationResult(boolean valid, List<String> errors) {

	public ValidationResult {
		errors = List.copyOf(errors);
	}

}
