package ai.scailabs.scaivault.devserver.faults;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

/**
 * A failure to inject into matching requests. Create one with a factory method and narrow it
 * with the {@code on...}/{@code for...} methods, for example
 * {@code Fault.rateLimited(Duration.ofSeconds(2)).onRequests(3).forPath("/v1/secrets")}.
 * Without {@link #onRequests}, {@link #onFraction} or {@link #aboveRate}, every matching request
 * fails. {@code Fault.rateLimited(Duration.ofSeconds(1)).aboveRate(20)} is a server that serves 20
 * requests a second and answers the rest {@code 429} with {@code Retry-After: 1}.
 *
 * @param kind what happens
 * @param method only requests with this method, or {@code null} for any
 * @param pathPrefix only requests whose path starts with this, or {@code null} for any
 * @param requests the 1-based numbers of the matching requests (counted from when the fault is
 * added) that fail; empty for "see fraction"
 * @param fraction the fraction (0..1] of matching requests that fail, decided by a seeded random
 * so that runs repeat
 * @param retryAfter the {@code Retry-After} to send ({@code rate_limited}, {@code service_unavailable}),
 * or {@code null} for none
 * @param latency the delay to add ({@code LATENCY})
 * @param perSecond when above 0, only the matching requests beyond this many a second fail (a token
 * bucket holding one second's worth, refilled continuously); {@code 0} for "see requests and
 * fraction"
 */
public record Fault(Kind kind, @Nullable String method, @Nullable String pathPrefix, Set<Integer> requests,
		double fraction, @Nullable Duration retryAfter, Duration latency, int perSecond) {

	public Fault {
		requests = Set.copyOf(new TreeSet<>(requests));
		if (method != null) {
			method = method.toUpperCase(Locale.ROOT);
		}
		for (int n : requests) {
			if (n < 1) {
				throw new IllegalArgumentException("Fault request numbers start at 1, not " + n);
			}
		}
		if (!(fraction > 0 && fraction <= 1)) {
			throw new IllegalArgumentException("Fault fraction must be in (0, 1], not " + fraction);
		}
		if (latency.isNegative()) {
			throw new IllegalArgumentException("Fault latency must not be negative");
		}
		if (perSecond < 0) {
			throw new IllegalArgumentException("Fault rate must be at least 1 request a second, not " + perSecond);
		}
		if (perSecond > 0 && (!requests.isEmpty() || fraction < 1)) {
			throw new IllegalArgumentException(
					"A fault above a rate fails every request beyond it; do not combine it with request numbers or a fraction");
		}
	}

	/**
	 * A fault that fails by request numbers or fraction (no rate).
	 * @param kind what happens
	 * @param method only requests with this method, or {@code null} for any
	 * @param pathPrefix only requests whose path starts with this, or {@code null} for any
	 * @param requests the 1-based numbers of the matching requests that fail; empty for "see fraction"
	 * @param fraction the fraction (0..1] of matching requests that fail
	 * @param retryAfter the {@code Retry-After} to send, or {@code null} for none
	 * @param latency the delay to add ({@code LATENCY})
	 */
	public Fault(Kind kind, @Nullable String method, @Nullable String pathPrefix, Set<Integer> requests,
			double fraction, @Nullable Duration retryAfter, Duration latency) {
		this(kind, method, pathPrefix, requests, fraction, retryAfter, latency, 0);
	}

	/**
	 * @param retryAfter the {@code Retry-After} to send
	 * @return a fault answering {@code 429 rate_limited}
	 */
	public static Fault rateLimited(Duration retryAfter) {
		return new Fault(Kind.RATE_LIMITED, null, null, Set.of(), 1, retryAfter, Duration.ZERO);
	}

	/** @return a fault answering {@code 503 service_unavailable} without {@code Retry-After} */
	public static Fault unavailable() {
		return new Fault(Kind.SERVICE_UNAVAILABLE, null, null, Set.of(), 1, null, Duration.ZERO);
	}

	/**
	 * @param retryAfter the {@code Retry-After} to send
	 * @return a fault answering {@code 503 service_unavailable} with {@code Retry-After}
	 */
	public static Fault unavailable(Duration retryAfter) {
		return new Fault(Kind.SERVICE_UNAVAILABLE, null, null, Set.of(), 1, retryAfter, Duration.ZERO);
	}

	/** @return a fault answering {@code 500 internal_error} */
	public static Fault internalError() {
		return new Fault(Kind.INTERNAL_ERROR, null, null, Set.of(), 1, null, Duration.ZERO);
	}

	/**
	 * @param latency the delay
	 * @return a fault that delays the answer (real time) and then answers normally
	 */
	public static Fault latency(Duration latency) {
		return new Fault(Kind.LATENCY, null, null, Set.of(), 1, null, latency);
	}

	/** @return a fault that closes the connection without answering */
	public static Fault dropConnection() {
		return new Fault(Kind.DROP_CONNECTION, null, null, Set.of(), 1, null, Duration.ZERO);
	}

	/** @return a fault answering {@code 401 token_expired} whatever the token */
	public static Fault tokenExpired() {
		return new Fault(Kind.TOKEN_EXPIRED, null, null, Set.of(), 1, null, Duration.ZERO);
	}

	/**
	 * @param numbers 1-based numbers of the matching requests that fail
	 * @return a copy that fails only those
	 */
	public Fault onRequests(Integer... numbers) {
		return new Fault(this.kind, this.method, this.pathPrefix, Set.of(numbers), 1, this.retryAfter, this.latency);
	}

	/**
	 * @param fraction the fraction of matching requests that fail
	 * @return a copy that fails that fraction
	 */
	public Fault onFraction(double fraction) {
		return new Fault(this.kind, this.method, this.pathPrefix, Set.of(), fraction, this.retryAfter, this.latency);
	}

	/**
	 * @param perSecond how many matching requests a second are served (at least 1)
	 * @return a copy that fails only the matching requests beyond that rate, such as a rate-limited
	 * server answering {@code 429} with {@code Retry-After} above it
	 */
	public Fault aboveRate(int perSecond) {
		if (perSecond < 1) {
			throw new IllegalArgumentException("Fault rate must be at least 1 request a second, not " + perSecond);
		}
		return new Fault(this.kind, this.method, this.pathPrefix, Set.of(), 1, this.retryAfter, this.latency,
				perSecond);
	}

	/**
	 * @param method the HTTP method
	 * @return a copy that matches only that method
	 */
	public Fault forMethod(String method) {
		return new Fault(this.kind, method, this.pathPrefix, this.requests, this.fraction, this.retryAfter,
				this.latency, this.perSecond);
	}

	/**
	 * @param pathPrefix the path prefix, such as {@code /v1/secrets/batch}
	 * @return a copy that matches only paths starting with it
	 */
	public Fault forPath(String pathPrefix) {
		return new Fault(this.kind, this.method, pathPrefix, this.requests, this.fraction, this.retryAfter,
				this.latency, this.perSecond);
	}

	/**
	 * @param method the request method
	 * @param path the request path
	 * @return whether the fault applies to the request
	 */
	public boolean matches(String method, String path) {
		return (this.method == null || this.method.equalsIgnoreCase(method))
				&& (this.pathPrefix == null || path.startsWith(this.pathPrefix));
	}

	@Override
	public String toString() {
		return "Fault[" + this.kind + ((this.method != null) ? " " + this.method : "")
				+ ((this.pathPrefix != null) ? " " + this.pathPrefix + "*" : "")
				+ (this.requests.isEmpty() ? "" : " requests " + this.requests)
				+ ((this.fraction < 1) ? " fraction " + this.fraction : "")
				+ ((this.perSecond > 0) ? " above " + this.perSecond + "/s" : "") + "]";
	}

	/**
	 * What a fault does.
	 */
	public enum Kind {

		/** {@code 429 rate_limited}, with {@code Retry-After} when set. */
		RATE_LIMITED("rate_limited"),

		/** {@code 503 service_unavailable}, with {@code Retry-After} when set. */
		SERVICE_UNAVAILABLE("service_unavailable"),

		/** {@code 500 internal_error}. */
		INTERNAL_ERROR("internal_error"),

		/** Delay, then answer normally. */
		LATENCY("latency"),

		/** Close the connection without answering. */
		DROP_CONNECTION("drop_connection"),

		/** {@code 401 token_expired}. */
		TOKEN_EXPIRED("token_expired");

		private final String id;

		Kind(String id) {
			this.id = id;
		}

		/** @return the name used by the {@code /_dev/faults} endpoint */
		public String id() {
			return this.id;
		}

		/**
		 * @param id a name used by the {@code /_dev/faults} endpoint
		 * @return the kind
		 */
		public static Kind of(String id) {
			for (Kind kind : values()) {
				if (kind.id.equals(id)) {
					return kind;
				}
			}
			throw new IllegalArgumentException("Unknown fault kind '" + id + "'; use one of "
					+ Arrays.stream(values()).map(Kind::id).toList());
		}

	}

}
