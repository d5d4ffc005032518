package ai.scailabs.scaivault.boot.autoconfigure.ssl;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a start-up that failed because a ScaiVault SSL bundle is configured wrong or its
 * certificate could not be issued (unknown role, refused name, invalid ACME order), and says what
 * to do.
 */
class ScaiVaultSslFailureAnalyzer extends AbstractFailureAnalyzer<ScaiVaultSslException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ScaiVaultSslException cause) {
		return new FailureAnalysis(cause.getMessage(), cause.getAction(), cause);
	}

}
