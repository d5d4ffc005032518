package ai.scailabs.scaivault.client.http;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

import ai.scailabs.scaivault.client.Delayer;
import ai.scailabs.scaivault.client.RequestListener;

/**
 * Settings of the {@link HttpApiTransport}, as the client builder resolved them.
 *
 * @param baseUri base URL of the service, without a trailing slash
 * @param timeout per-request timeout (until the response headers arrive)
 * @param userAgent value of the {@code User-Agent} header
 * @param maxRetries retries after the first attempt
 * @param initialBackoff delay before the first retry when the server names none
 * @param backoffMultiplier factor applied to the delay on every further retry
 * @param maxBackoff longest delay between two attempts; a longer {@code Retry-After} is not waited for
 * @param listener listener of requests
 * @param delayer waits between retries
 * @param clock clock for durations and token expiry
 */
public record TransportSettings(URI baseUri, Duration timeout, String userAgent, int maxRetries,
		Duration initialBackoff, double backoffMultiplier, Duration maxBackoff, RequestListener listener,
		Delayer delayer, Clock clock) {

}
