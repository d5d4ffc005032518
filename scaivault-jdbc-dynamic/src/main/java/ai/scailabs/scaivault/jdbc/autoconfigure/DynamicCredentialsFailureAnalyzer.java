package ai.scailabs.scaivault.jdbc.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import ai.scailabs.scaivault.jdbc.DynamicCredentialsException;

/**
 * Says what to do when the leased {@code DataSource} cannot start: the engine or role is unknown or
 * not set, the application may not use it, or ScaiVault cannot be reached.
 */
class DynamicCredentialsFailureAnalyzer extends AbstractFailureAnalyzer<DynamicCredentialsException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, DynamicCredentialsException cause) {
		return new FailureAnalysis(cause.getMessage(), action(cause), cause);
	}

	private static String action(DynamicCredentialsException ex) {
		String creds = "dynamic/" + ex.getEngine() + "/creds/" + ex.getRole();
		return switch (ex.getErrorCode()) {
			case DynamicCredentialsException.INVALID_CONFIGURATION -> "Set scaivault.datasource.engine and "
					+ "scaivault.datasource.role to an engine and role configured on ScaiVault, and the thresholds "
					+ "(renew-at, rotate-at) to fractions between 0 and 1.";
			case "not_found" -> "Check scaivault.datasource.engine ('" + ex.getEngine() + "') and "
					+ "scaivault.datasource.role ('" + ex.getRole() + "'): ScaiVault has no such engine or role. "
					+ "Configure them (POST /v1/dynamic/engines and /v1/dynamic/engines/" + ex.getEngine()
					+ "/roles) or fix the names.";
			case "access_denied" -> "Grant this application's identity a policy "
					+ "that allows 'read' on " + creds + " (to generate) and 'write' on leases (to renew and revoke), "
					+ "or use a role it may use.";
			case "authentication_required", "token_expired" -> "Check the "
					+ "ScaiVault credentials of this application (scaivault.client-id and scaivault.client-secret, "
					+ "or scaivault.token).";
			case "connection_error", "timeout", "service_unavailable" -> "Check that ScaiVault is reachable at "
					+ "scaivault.base-url and running; the pool needs a lease to open its first connection.";
			default -> "Check the ScaiVault error above and the settings scaivault.datasource.engine and "
					+ "scaivault.datasource.role.";
		};
	}

}
