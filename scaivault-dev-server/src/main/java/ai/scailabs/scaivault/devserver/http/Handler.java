package ai.scailabs.scaivault.devserver.http;

/**
 * Answers one route. Throw {@link ApiException} for contract errors.
 */
@FunctionalInterface
public interface Handler {

	ApiResponse handle(ApiRequest request);

}
