package ai.scailabs.scaivault.devserver.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jspecify.annotations.Nullable;

/**
 * The {@link Routes} implementation: keeps the registered routes and finds the one for a
 * request. When several routes match, the one with the most literal segments wins; on a tie, the
 * one without a {@code {path**}} variable, then the first registered.
 */
public final class Router implements Routes {

	private final List<Route> routes = new CopyOnWriteArrayList<>();

	@Override
	public void add(String method, String pattern, Handler handler) {
		register(Route.parse(method, pattern, handler, false));
	}

	@Override
	public void anonymous(String method, String pattern, Handler handler) {
		register(Route.parse(method, pattern, handler, true));
	}

	private synchronized void register(Route route) {
		for (Route existing : this.routes) {
			if (existing.method().equals(route.method()) && existing.pattern().equals(route.pattern())) {
				throw new IllegalStateException(
						"Route " + route.method() + " " + route.pattern() + " is registered twice");
			}
		}
		this.routes.add(route);
	}

	/**
	 * Find the route for a request.
	 * @param method the HTTP method
	 * @param segments the decoded path segments
	 * @return the lookup result
	 */
	Lookup find(String method, List<String> segments) {
		Route best = null;
		Map<String, String> bestVariables = null;
		Set<String> otherMethods = new TreeSet<>();
		for (Route route : this.routes) {
			Map<String, String> variables = route.match(segments);
			if (variables == null) {
				continue;
			}
			if (!route.method().equals(method)) {
				otherMethods.add(route.method());
				continue;
			}
			if (best == null || beats(route, best)) {
				best = route;
				bestVariables = variables;
			}
		}
		return new Lookup(best, (bestVariables != null) ? Map.copyOf(bestVariables) : Map.of(), otherMethods);
	}

	private static boolean beats(Route candidate, Route current) {
		int literals = Integer.compare(candidate.literalCount(), current.literalCount());
		if (literals != 0) {
			return literals > 0;
		}
		return !hasRest(candidate) && hasRest(current);
	}

	private static boolean hasRest(Route route) {
		for (Route.Segment segment : route.segments()) {
			if (segment.rest()) {
				return true;
			}
		}
		return false;
	}

	/** @return the registered routes as {@code METHOD pattern}, for diagnostics */
	public List<String> describe() {
		List<String> result = new ArrayList<>();
		for (Route route : this.routes) {
			result.add(route.method() + " " + route.pattern() + (route.anonymous() ? " (anonymous)" : ""));
		}
		return result;
	}

	/**
	 * The result of {@link #find}.
	 *
	 * @param route the matching route, or {@code null}
	 * @param variables its path variables
	 * @param otherMethods methods of other routes that match the path (for a wrong-method answer)
	 */
	record Lookup(@Nullable Route route, Map<String, String> variables, Set<String> otherMethods) {
	}

}
