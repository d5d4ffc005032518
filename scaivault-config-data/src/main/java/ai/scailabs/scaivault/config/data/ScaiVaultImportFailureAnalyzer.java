package ai.scailabs.scaivault.config.data;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a {@link ScaiVaultImportException}: which paths of which location could not be read, with
 * the error code and request id, and what to do: create the secret, bind a policy granting read on
 * it, fix the connection or the credentials, or mark the import {@code optional:}.
 *
 * @author ScaiLabs
 */
class ScaiVaultImportFailureAnalyzer extends AbstractFailureAnalyzer<ScaiVaultImportException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ScaiVaultImportException cause) {
		String location = cause.getLocation();
		List<ImportFailure> failures = cause.getFailures();
		StringBuilder description = new StringBuilder();
		description.append("ScaiVault could not import location '").append(location).append("':\n");
		for (ImportFailure failure : failures) {
			description.append("\n    - path ")
				.append(failure.describePath())
				.append(": ")
				.append(explain(failure))
				.append(" (error code ")
				.append(failure.code())
				.append(", request id ")
				.append((failure.requestId() != null) ? failure.requestId() : "none")
				.append(")");
		}
		String actions = failures.stream()
			.map(ScaiVaultImportFailureAnalyzer::action)
			.distinct()
			.collect(Collectors.joining("\n"));
		String action = actions + "\nOr, if the application can start without these values, mark the import optional:"
				+ " spring.config.import=optional:" + location;
		return new FailureAnalysis(description.toString(), action, cause);
	}

	private static String explain(ImportFailure failure) {
		return switch (failure.code()) {
			case "not_found" -> "the secret does not exist";
			case "access_denied" -> "no policy allows the application's identity to read it";
			case "authentication_required", "token_expired" -> "ScaiVault did not accept the application's credentials";
			case "validation_error" -> "the request was rejected: " + failure.message();
			case "connection_error", "timeout", "service_unavailable", "internal_error", "rate_limited" ->
				"ScaiVault could not be reached or could not serve the request after the start-up retries";
			default -> failure.message();
		};
	}

	private static String action(ImportFailure failure) {
		String path = failure.path();
		return switch (failure.code()) {
			case "not_found" -> "Create the secret at '" + path + "' in ScaiVault"
					+ ((failure.version() != null) ? " (or pin a version that exists)" : "") + ", or fix the path.";
			case "access_denied" -> "Bind a policy granting 'read' on '" + path
					+ "' to the application's identity (ScaiVault policies).";
			case "authentication_required", "token_expired" -> "Check scaivault.token (SCAIVAULT_TOKEN) or"
					+ " scaivault.client-id and scaivault.client-secret (SCAIKEY_CLIENT_ID, SCAIKEY_CLIENT_SECRET).";
			case "validation_error" -> "Check the scaivault.* settings (base URL and credentials) and the path '"
					+ path + "'.";
			case "connection_error", "timeout", "service_unavailable", "internal_error", "rate_limited" ->
				"Check that scaivault.base-url points to a running ScaiVault that this host can reach;"
						+ " tune the start-up retries with scaivault.config.retry.max-attempts and"
						+ " scaivault.config.retry.initial-interval.";
			default -> "Check the ScaiVault error above and quote its request id to the ScaiVault team.";
		};
	}

}
