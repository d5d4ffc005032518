package ai.scailabs.scaivault.config.data;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.boot.context.config.ConfigDataException;

/**
 * Thrown when a required {@code scaivault:} location cannot be imported at start-up: a path is
 * missing, denied, or ScaiVault stayed unreachable. {@link ScaiVaultImportFailureAnalyzer} turns
 * it into a description and an action. The message names paths, error codes and request ids, never
 * a secret value.
 *
 * @author ScaiLabs
 */
public class ScaiVaultImportException extends ConfigDataException {

	private static final long serialVersionUID = 1L;

	private final String location;

	private final transient List<ImportFailure> failures;

	/**
	 * Create an exception.
	 * @param location the location, such as {@code scaivault:integrations/salesforce/oauth}
	 * @param failures the paths that could not be read, at least one
	 */
	public ScaiVaultImportException(String location, List<ImportFailure> failures) {
		super(message(location, failures), null);
		this.location = location;
		this.failures = List.copyOf(failures);
	}

	private static String message(String location, List<ImportFailure> failures) {
		return "Could not import ScaiVault location '" + location + "': "
				+ failures.stream()
					.map((failure) -> "path " + failure.describePath() + " (" + failure.describeError() + "): "
							+ failure.message())
					.collect(Collectors.joining("; "));
	}

	/**
	 * Return the location, without {@code optional:}.
	 * @return the location
	 */
	public String getLocation() {
		return this.location;
	}

	/**
	 * Return the paths that could not be read.
	 * @return the failures, at least one
	 */
	public List<ImportFailure> getFailures() {
		return this.failures;
	}

}
