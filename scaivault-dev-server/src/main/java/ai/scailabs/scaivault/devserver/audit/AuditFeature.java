package ai.scailabs.scaivault.devserver.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import ai.scailabs.scaivault.devserver.DevServerContext;
import ai.scailabs.scaivault.devserver.http.ApiException;
import ai.scailabs.scaivault.devserver.http.ApiRequest;
import ai.scailabs.scaivault.devserver.http.ApiResponse;
import ai.scailabs.scaivault.devserver.http.Pagination;
import ai.scailabs.scaivault.devserver.http.Routes;

/**
 * {@code GET /v1/audit?path=&identity_id=&action=&since=&limit=&cursor=}: the audit trail, oldest
 * first, paginated. {@code path} matches exactly, or as a prefix when it ends with {@code /};
 * {@code since} is an RFC 3339 timestamp. Needs {@code read} on {@code sys/audit}.
 */
public final class AuditFeature {

	/** The resource path that guards the audit log. */
	public static final String RESOURCE = "sys/audit";

	private final DevServerContext context;

	public AuditFeature(DevServerContext context) {
		this.context = context;
	}

	public void register(Routes routes) {
		routes.get("/v1/audit", this::list);
	}

	private ApiResponse list(ApiRequest request) {
		Predicate<AuditEntry> filter = filter(request);
		this.context.accessControl().require(request, "read", RESOURCE);
		return ApiResponse.ok(Pagination.page(request, this.context.audit().entries(filter), AuditEntry::id,
				AuditFeature::view));
	}

	private static Predicate<AuditEntry> filter(ApiRequest request) {
		String path = request.query("path");
		String identityId = request.query("identity_id");
		String action = request.query("action");
		Instant since = since(request.query("since"));
		Pagination.limit(request.query("limit"));
		return (entry) -> matchesPath(path, entry.path()) && (identityId == null || identityId.equals(entry.identityId()))
				&& (action == null || action.equals(entry.action()))
				&& (since == null || !entry.timestamp().isBefore(since));
	}

	private static boolean matchesPath(@Nullable String filter, String path) {
		if (filter == null || filter.isEmpty()) {
			return true;
		}
		return filter.endsWith("/") ? path.startsWith(filter) : filter.equals(path);
	}

	private static @Nullable Instant since(@Nullable String text) {
		if (text == null || text.isEmpty()) {
			return null;
		}
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw ApiException.validation("Query parameter 'since' must be an RFC 3339 timestamp such as "
					+ "2026-11-22T12:00:00Z", Map.of("field", "since"));
		}
	}

	static Map<String, Object> view(AuditEntry entry) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", entry.id());
		view.put("timestamp", entry.timestamp().truncatedTo(ChronoUnit.MILLIS).toString());
		view.put("identity_id", entry.identityId());
		view.put("action", entry.action());
		view.put("path", entry.path());
		view.put("source_ip", entry.sourceIp());
		view.put("result", entry.result());
		view.put("request_id", entry.requestId());
		return view;
	}

}
