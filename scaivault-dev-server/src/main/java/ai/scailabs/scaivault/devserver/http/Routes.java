package ai.scailabs.scaivault.devserver.http;

/**
 * Where features register their routes. Patterns are literal segments and variables:
 * {@code {id}} matches one segment, {@code {path**}} one or more (it may be followed by literal
 * segments, as in {@code /v1/secrets/{path**}/rotate}). When several routes match, the one with
 * the most literal segments wins, so {@code /v1/secrets/batch} beats {@code /v1/secrets/{path**}}.
 * Every route under {@code /v1} requires a bearer token unless registered with {@link #anonymous}.
 */
public interface Routes {

	void add(String method, String pattern, Handler handler);

	/**
	 * Register a route that needs no token ({@code /v1/health}, {@code /oauth/token}).
	 * @param method the HTTP method
	 * @param pattern the pattern
	 * @param handler the handler
	 */
	void anonymous(String method, String pattern, Handler handler);

	default void get(String pattern, Handler handler) {
		add("GET", pattern, handler);
	}

	default void post(String pattern, Handler handler) {
		add("POST", pattern, handler);
	}

	default void put(String pattern, Handler handler) {
		add("PUT", pattern, handler);
	}

	default void patch(String pattern, Handler handler) {
		add("PATCH", pattern, handler);
	}

	default void delete(String pattern, Handler handler) {
		add("DELETE", pattern, handler);
	}

}
