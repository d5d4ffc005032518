package ai.scailabs.scaivault.config.data;

import org.jspecify.annotations.Nullable;

/**
 * Why one path of a {@code scaivault:} import could not be read at start-up. Holds no secret value.
 *
 * @param path secret path
 * @param version pinned version, or {@code null} for the current one
 * @param code error code, such as {@code not_found}, {@code access_denied} or
 * {@code connection_error}
 * @param message message of the error, as ScaiVault or the client wrote it
 * @param requestId request id to quote to the ScaiVault team, or {@code null} when the request never
 * reached the server
 * @param statusCode HTTP status of the failed call, or 0 when no answer was received or the error
 * came inside a batch answer
 * @author ScaiLabs
 */
public record ImportFailure(String path, @Nullable Integer version, String code, String message,
		@Nullable String requestId, int statusCode) {

	/**
	 * Return the path and, if pinned, the version, such as {@code app/db (version 3)}.
	 * @return a short description of what was read
	 */
	public String describePath() {
		return this.path + ((this.version != null) ? " (version " + this.version + ")" : "");
	}

	/**
	 * Return the error code and request id, such as {@code access_denied, request id req_1}.
	 * @return a short description of the error
	 */
	public String describeError() {
		return this.code + ", request id " + ((this.requestId != null) ? this.requestId : "none");
	}

}
