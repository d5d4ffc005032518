package ai.scailabs.scaivault.devserver.http;

import java.net.InetAddress;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import ai.scailabs.scaivault.devserver.auth.Principal;

/**
 * A request before routing, from HTTP or dispatched internally (seed files).
 *
 * @param method the HTTP method
 * @param rawPath the raw (still percent-encoded) path
 * @param rawQuery the raw query string, or {@code null}
 * @param headers headers by lower-case name (first value)
 * @param body the raw body
 * @param remoteAddress the caller's address
 * @param requestId the request id
 * @param principal a caller fixed in advance (internal dispatch), or {@code null} to authenticate
 */
public record IncomingRequest(String method, String rawPath, @Nullable String rawQuery, Map<String, String> headers,
		byte[] body, InetAddress remoteAddress, String requestId, @Nullable Principal principal) {

	@Override
	public String toString() {
		return this.method + " " + this.rawPath + " (" + this.requestId + ")";
	}

}
