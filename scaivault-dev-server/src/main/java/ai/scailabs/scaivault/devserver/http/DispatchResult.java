package ai.scailabs.scaivault.devserver.http;

import org.jspecify.annotations.Nullable;

import ai.scailabs.scaivault.devserver.auth.Principal;

/**
 * What the dispatcher made of a request. {@link #toString()} never shows the response body.
 *
 * @param response the response (an error body for a failure)
 * @param principal the authenticated caller, or {@code null} when authentication did not happen
 * or failed
 * @param path the decoded path
 */
public record DispatchResult(ApiResponse response, @Nullable Principal principal, String path) {

	@Override
	public String toString() {
		return "DispatchResult[response=" + this.response + ", principal="
				+ ((this.principal != null) ? this.principal.identityId() : null) + ", path=" + this.path + "]";
	}

}
