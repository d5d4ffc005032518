package ai.scailabs.scaivault.client.http;

import java.util.concurrent.CompletableFuture;

import tools.jackson.core.type.TypeReference;

/**
 * Sends {@link ApiRequest}s: authentication, retries, error mapping and JSON live behind it.
 * Internal to the client; the resource groups are its only callers.
 *
 * <p>Futures complete exceptionally with a {@link ai.scailabs.scaivault.client.ScaiVaultException}
 * (never wrapped in anything but the {@code CompletionException} of the future itself).
 */
public interface ApiTransport {

	/**
	 * Send the request and read the response body as the given type. For {@code Void.class}, the body
	 * is ignored and the future completes with {@code null}.
	 * @param <T> the response type
	 * @param request the request
	 * @param responseType the type to read the JSON body as (snake_case into records)
	 * @return the response
	 */
	<T> CompletableFuture<T> send(ApiRequest request, Class<T> responseType);

	/**
	 * Send the request and read the response body as the given generic type.
	 * @param <T> the response type
	 * @param request the request
	 * @param responseType the type to read the JSON body as
	 * @return the response
	 */
	<T> CompletableFuture<T> send(ApiRequest request, TypeReference<T> responseType);

	/**
	 * Send a request whose answer is read with Jackson's streaming parser alone. Transports
	 * without streaming support read it as {@code responseType} with data binding, which must
	 * give the same value.
	 * @param <T> the response type
	 * @param request the request
	 * @param responseType the response type
	 * @param reader reads the answer from a streaming parser
	 * @return the response
	 */
	default <T> CompletableFuture<T> send(ApiRequest request, Class<T> responseType, JsonStreamReader<T> reader) {
		return send(request, responseType);
	}

}
