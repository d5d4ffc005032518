package ai.scailabs.scaivault.config.data;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains an {@link InvalidScaiVaultLocationException} and shows the location syntax.
 *
 * @author ScaiLabs
 */
class InvalidScaiVaultLocationFailureAnalyzer extends AbstractFailureAnalyzer<InvalidScaiVaultLocationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidScaiVaultLocationException cause) {
		return new FailureAnalysis(
				"The spring.config.import location '" + cause.getLocation() + "' is not valid: " + cause.getReason()
						+ ".",
				"Write the location as scaivault:<path>[?version=<n>][&prefix=<text>], several paths separated by"
						+ " ';' and several locations by ',', for example"
						+ " spring.config.import=scaivault:integrations/salesforce/oauth?prefix=salesforce.",
				cause);
	}

}
