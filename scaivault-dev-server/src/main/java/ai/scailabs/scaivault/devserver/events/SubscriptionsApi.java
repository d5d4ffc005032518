package ai.scailabs.scaivault.devserver.events;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import ai.scailabs.scaivault.devserver.http.ApiException;
import ai.scailabs.scaivault.devserver.http.ApiRequest;
import ai.scailabs.scaivault.devserver.http.ApiResponse;
import ai.scailabs.scaivault.devserver.http.Pagination;
import ai.scailabs.scaivault.devserver.http.Routes;
import ai.scailabs.scaivault.devserver.policy.AccessControl;
import ai.scailabs.scaivault.devserver.secrets.JsonBody;
import ai.scailabs.scaivault.devserver.secrets.Timestamps;
import ai.scailabs.scaivault.devserver.time.DevClock;

/**
 * The subscription endpoints of contract section 7, authorized as {@code admin} on
 * {@code sys/subscriptions}. Answers never echo the delivery secret.
 */
public final class SubscriptionsApi {

	/** The resource path that subscription administration is authorized on. */
	public static final String RESOURCE = "sys/subscriptions";

	/** The event types a subscription may listen to. */
	public static final Set<String> EVENT_TYPES = Set.of("secret.created", "secret.updated", "secret.rotated",
			"secret.deleted", "rotation.due", "rotation.failed", "lease.expiring", "lease.revoked",
			"certificate.issued", "certificate.expiring");

	private final SubscriptionRegistry registry;

	private final AccessControl accessControl;

	private final DevClock clock;

	private final SecureRandom random = new SecureRandom();

	private final AtomicLong sequence = new AtomicLong();

	public SubscriptionsApi(SubscriptionRegistry registry, AccessControl accessControl, DevClock clock) {
		this.registry = registry;
		this.accessControl = accessControl;
		this.clock = clock;
	}

	/**
	 * Register the routes.
	 * @param routes where to register them
	 */
	public void register(Routes routes) {
		routes.post("/v1/subscriptions", this::create);
		routes.get("/v1/subscriptions", this::list);
		routes.get("/v1/subscriptions/{id}", this::get);
		routes.delete("/v1/subscriptions/{id}", this::delete);
	}

	ApiResponse create(ApiRequest request) {
		this.accessControl.require(request, "admin", RESOURCE);
		JsonBody body = JsonBody.of(request.body(), "name", "paths", "events", "delivery");
		String name = body.requiredString("name");
		List<String> pathTexts = body.requiredStrings("paths");
		if (pathTexts.isEmpty()) {
			throw ApiException.validation("Field 'paths' needs at least one path or pattern", Map.of("field", "paths"));
		}
		List<PathGlob> paths = new ArrayList<>();
		for (String path : pathTexts) {
			paths.add(PathGlob.parse("paths", path));
		}
		List<String> events = body.requiredStrings("events");
		if (events.isEmpty()) {
			throw ApiException.validation("Field 'events' needs at least one event type", Map.of("field", "events"));
		}
		for (String event : events) {
			if (!EVENT_TYPES.contains(event)) {
				throw ApiException.validation("Field 'events' holds an unknown event type '" + event + "'; known types are "
						+ new java.util.TreeSet<>(EVENT_TYPES), Map.of("field", "events", "event", event));
			}
		}
		JsonBody delivery = body.nested("delivery", "type", "url", "secret");
		if (delivery == null) {
			throw ApiException.validation("Field 'delivery' is required", Map.of("field", "delivery"));
		}
		String type = delivery.requiredString("type");
		if (!type.equals("webhook")) {
			throw ApiException.validation("Field 'delivery.type' must be 'webhook'", Map.of("field", "delivery.type"));
		}
		URI url = url(delivery.requiredString("url"));
		String secret = delivery.requiredString("secret");
		String id = String.format("sub_%06x%08x", this.sequence.incrementAndGet(), this.random.nextInt() & 0xffffffffL);
		Subscription subscription = new Subscription(id, name, paths, List.copyOf(new LinkedHashSet<>(events)), url, secret,
				this.clock.now());
		this.registry.add(subscription);
		return ApiResponse.created(view(subscription));
	}

	ApiResponse list(ApiRequest request) {
		this.accessControl.require(request, "admin", RESOURCE);
		return ApiResponse.ok(Pagination.page(request, this.registry.all(), Subscription::id, SubscriptionsApi::view));
	}

	ApiResponse get(ApiRequest request) {
		this.accessControl.require(request, "admin", RESOURCE);
		String id = request.pathVariable("id");
		return ApiResponse.ok(view(this.registry.get(id).orElseThrow(() -> notFound(id))));
	}

	ApiResponse delete(ApiRequest request) {
		this.accessControl.require(request, "admin", RESOURCE);
		String id = request.pathVariable("id");
		if (!this.registry.remove(id)) {
			throw notFound(id);
		}
		return ApiResponse.noContent();
	}

	static Map<String, Object> view(Subscription subscription) {
		Map<String, Object> delivery = new LinkedHashMap<>();
		delivery.put("type", "webhook");
		delivery.put("url", subscription.url().toString());
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("id", subscription.id());
		answer.put("name", subscription.name());
		answer.put("paths", subscription.paths().stream().map(PathGlob::pattern).toList());
		answer.put("events", List.copyOf(subscription.events()));
		answer.put("delivery", delivery);
		answer.put("created_at", Timestamps.format(subscription.createdAt()));
		return answer;
	}

	private static URI url(String text) {
		try {
			URI url = new URI(text);
			if (("http".equals(url.getScheme()) || "https".equals(url.getScheme())) && url.getHost() != null) {
				return url;
			}
		}
		catch (URISyntaxException ex) {
			// fall through
		}
		throw ApiException.validation("Field 'delivery.url' must be an absolute http or https URL",
				Map.of("field", "delivery.url"));
	}

	private static ApiException notFound(String id) {
		return ApiException.notFound("Subscription '" + id + "' does not exist", Map.of("id", id));
	}

}
