package ai.scailabs.scaivault.devserver.policy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import ai.scailabs.scaivault.devserver.DevServerContext;
import ai.scailabs.scaivault.devserver.http.ApiException;
import ai.scailabs.scaivault.devserver.http.ApiRequest;
import ai.scailabs.scaivault.devserver.http.ApiResponse;
import ai.scailabs.scaivault.devserver.http.Bodies;
import ai.scailabs.scaivault.devserver.http.Pagination;
import ai.scailabs.scaivault.devserver.http.Routes;

/**
 * The policy endpoints: {@code /v1/policies} create, list, get, update, delete; bindings; and
 * {@code /v1/policies/test}. Every call needs {@code admin} on {@code sys/policies}.
 */
public final class PolicyFeature {

	/** The resource path that guards policy administration. */
	public static final String RESOURCE = "sys/policies";

	private static final Map<String, String> IDENTITY_PREFIXES = Map.of("user", "user:", "group", "group:",
			"service_account", "sa:");

	private final DevServerContext context;

	private final PolicyStore store;

	private final Function<String, Set<String>> groupsOf;

	/**
	 * @param context the server context
	 * @param store the policy store
	 * @param groupsOf the known groups of an identity (for {@code /v1/policies/test})
	 */
	public PolicyFeature(DevServerContext context, PolicyStore store, Function<String, Set<String>> groupsOf) {
		this.context = context;
		this.store = store;
		this.groupsOf = groupsOf;
	}

	public void register(Routes routes) {
		routes.post("/v1/policies", this::create);
		routes.get("/v1/policies", this::list);
		routes.post("/v1/policies/test", this::test);
		routes.get("/v1/policies/{id}", this::get);
		routes.put("/v1/policies/{id}", this::update);
		routes.delete("/v1/policies/{id}", this::delete);
		routes.post("/v1/policies/{id}/bindings", this::bind);
		routes.get("/v1/policies/{id}/bindings", this::listBindings);
		routes.delete("/v1/policies/{id}/bindings/{binding}", this::unbind);
	}

	private ApiResponse create(ApiRequest request) {
		this.context.accessControl().require(request, "admin", RESOURCE);
		Instant now = this.context.clock().now();
		Policy policy = parse(request.body(), this.context.newId("pol"), now, now);
		this.store.save(policy);
		return ApiResponse.created(view(policy));
	}

	private ApiResponse list(ApiRequest request) {
		this.context.accessControl().require(request, "admin", RESOURCE);
		return ApiResponse.ok(Pagination.page(request, this.store.policies(), Policy::id, this::view));
	}

	private ApiResponse get(ApiRequest request) {
		this.context.accessControl().require(request, "admin", RESOURCE);
		return ApiResponse.ok(view(existing(request.pathVariable("id"))));
	}

	private ApiResponse update(ApiRequest request) {
		this.context.accessControl().require(request, "admin", RESOURCE);
		Policy current = existing(request.pathVariable("id"));
		Policy policy = parse(request.body(), current.id(), current.createdAt(), this.context.clock().now());
		this.store.save(policy);
		return ApiResponse.ok(view(policy));
	}

	private ApiResponse delete(ApiRequest request) {
		this.context.accessControl().require(request, "admin", RESOURCE);
		String id = request.pathVariable("id");
		if (!this.store.delete(id)) {
			throw notFound(id);
		}
		return ApiResponse.noContent();
	}

	private ApiResponse bind(ApiRequest request) {
		this.context.accessControl().require(request, "admin", RESOURCE);
		Policy policy = existing(request.pathVariable("id"));
		ObjectNode body = request.body();
		Bodies.requireOnly(body, "the binding", "identity_type", "identity_id");
		String type = Bodies.requiredText(body, "identity_type");
		String identityId = Bodies.requiredText(body, "identity_id");
		if (!IDENTITY_PREFIXES.containsKey(type)) {
			throw ApiException.validation(
					"Field 'identity_type' must be one of group, user, service_account, not '" + type + "'",
					Map.of("field", "identity_type"));
		}
		for (Map.Entry<String, String> entry : IDENTITY_PREFIXES.entrySet()) {
			if (!entry.getKey().equals(type) && identityId.startsWith(entry.getValue())) {
				throw ApiException.validation("Identity '" + identityId + "' is a " + entry.getKey()
						+ ", not a " + type + "; fix identity_type or identity_id", Map.of("field", "identity_id"));
			}
		}
		PolicyBinding binding = new PolicyBinding(this.context.newId("bnd"), policy.id(), type, identityId,
				this.context.clock().now());
		this.store.bind(binding);
		return ApiResponse.created(view(binding));
	}

	private ApiResponse listBindings(ApiRequest request) {
		this.context.accessControl().require(request, "admin", RESOURCE);
		Policy policy = existing(request.pathVariable("id"));
		return ApiResponse
			.ok(Pagination.page(request, this.store.bindings(policy.id()), PolicyBinding::id, this::view));
	}

	private ApiResponse unbind(ApiRequest request) {
		this.context.accessControl().require(request, "admin", RESOURCE);
		String id = request.pathVariable("id");
		existing(id);
		String bindingId = request.pathVariable("binding");
		PolicyBinding binding = this.store.findBinding(bindingId);
		if (binding == null || !binding.policyId().equals(id) || !this.store.unbind(bindingId)) {
			throw ApiException.notFound("Binding " + bindingId + " of policy " + id + " does not exist",
					Map.of("id", bindingId));
		}
		return ApiResponse.noContent();
	}

	private ApiResponse test(ApiRequest request) {
		this.context.accessControl().require(request, "admin", RESOURCE);
		ObjectNode body = request.body();
		Bodies.requireOnly(body, "the policy test", "identity_id", "path", "permission", "context");
		String identityId = Bodies.requiredText(body, "identity_id");
		String path = Bodies.requiredText(body, "path");
		String permission = permission(Bodies.requiredText(body, "permission"), "permission");
		InetAddress source = null;
		boolean mfa = false;
		ObjectNode testContext = Bodies.optionalObject(body, "context");
		if (testContext != null) {
			Bodies.requireOnly(testContext, "context", "source_ip", "mfa");
			String sourceIp = Bodies.optionalText(testContext, "source_ip");
			if (sourceIp != null) {
				source = address(sourceIp);
			}
			mfa = Boolean.TRUE.equals(Bodies.optionalBoolean(testContext, "mfa"));
		}
		PolicyDecision decision = this.store.evaluate(identityId, this.groupsOf.apply(identityId), path, permission,
				source, mfa);
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("allowed", decision.allowed());
		answer.put("matched_policies", decision.matchedPolicies());
		answer.put("reason", decision.reason());
		return ApiResponse.ok(answer);
	}

	private static InetAddress address(String text) {
		try {
			Cidr cidr = Cidr.parse(text);
			if (cidr.prefixLength() != cidr.network().length * 8) {
				throw new IllegalArgumentException("a range");
			}
			return InetAddress.getByAddress(cidr.network());
		}
		catch (IllegalArgumentException | UnknownHostException ex) {
			throw ApiException.validation("Field 'context.source_ip' must be an IPv4 or IPv6 address",
					Map.of("field", "context.source_ip"));
		}
	}

	private Policy existing(String id) {
		Policy policy = this.store.find(id);
		if (policy == null) {
			throw notFound(id);
		}
		return policy;
	}

	private static ApiException notFound(String id) {
		return ApiException.notFound("Policy " + id + " does not exist", Map.of("id", id));
	}

	private static Policy parse(ObjectNode body, String id, Instant createdAt, Instant updatedAt) {
		Bodies.requireOnly(body, "the policy", "name", "description", "rules");
		String name = Bodies.requiredText(body, "name");
		String description = Bodies.optionalText(body, "description");
		JsonNode rulesNode = body.get("rules");
		if (rulesNode == null || !rulesNode.isArray() || rulesNode.isEmpty()) {
			throw ApiException.validation("Field 'rules' is required and must be a non-empty array of rules",
					Map.of("field", "rules"));
		}
		List<PolicyRule> rules = new ArrayList<>();
		for (int i = 0; i < rulesNode.size(); i++) {
			rules.add(rule(rulesNode.get(i), "rules[" + i + "]"));
		}
		return new Policy(id, name, description, rules, createdAt, updatedAt);
	}

	private static PolicyRule rule(JsonNode node, String where) {
		if (!(node instanceof ObjectNode rule)) {
			throw ApiException.validation(where + " must be a JSON object", Map.of("field", where));
		}
		Bodies.requireOnly(rule, where, "path_pattern", "permissions", "conditions");
		JsonNode patternNode = rule.get("path_pattern");
		if (patternNode == null || !patternNode.isString() || patternNode.asString().isEmpty()) {
			throw ApiException.validation(where + ".path_pattern is required, such as 'environments/production/**'",
					Map.of("field", where + ".path_pattern"));
		}
		PathPattern pattern;
		try {
			pattern = PathPattern.compile(patternNode.asString());
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.validation(where + ".path_pattern " + ex.getMessage(),
					Map.of("field", where + ".path_pattern"));
		}
		JsonNode permissionsNode = rule.get("permissions");
		if (permissionsNode == null || !permissionsNode.isArray() || permissionsNode.isEmpty()) {
			throw ApiException.validation(
					where + ".permissions is required and must be a non-empty array of " + PolicyRule.PERMISSIONS,
					Map.of("field", where + ".permissions"));
		}
		List<String> permissions = new ArrayList<>();
		for (JsonNode permission : permissionsNode) {
			String value = permission.isString() ? permission.asString() : permission.toString();
			String checked = permission(value, where + ".permissions");
			if (!permissions.contains(checked)) {
				permissions.add(checked);
			}
		}
		List<Cidr> ipRanges = null;
		Boolean requireMfa = null;
		JsonNode conditionsNode = rule.get("conditions");
		if (conditionsNode != null && !conditionsNode.isNull()) {
			String field = where + ".conditions";
			if (!(conditionsNode instanceof ObjectNode conditions)) {
				throw ApiException.validation(field + " must be a JSON object", Map.of("field", field));
			}
			Bodies.requireOnly(conditions, field, "ip_ranges", "require_mfa");
			JsonNode rangesNode = conditions.get("ip_ranges");
			if (rangesNode != null && !rangesNode.isNull()) {
				if (!rangesNode.isArray() || rangesNode.isEmpty()) {
					throw ApiException.validation(field + ".ip_ranges must be a non-empty array of CIDR ranges "
							+ "(omit it to allow any address)", Map.of("field", field + ".ip_ranges"));
				}
				ipRanges = new ArrayList<>();
				for (JsonNode range : rangesNode) {
					try {
						ipRanges.add(Cidr.parse(range.isString() ? range.asString() : range.toString()));
					}
					catch (IllegalArgumentException ex) {
						throw ApiException.validation(field + ".ip_ranges: " + ex.getMessage()
								+ "; use CIDR such as 10.0.0.0/8 or fd00::/8", Map.of("field", field + ".ip_ranges"));
					}
				}
			}
			requireMfa = Bodies.optionalBoolean(conditions, "require_mfa");
		}
		return new PolicyRule(pattern, permissions, ipRanges, requireMfa);
	}

	private static String permission(String value, String field) {
		if (!PolicyRule.PERMISSIONS.contains(value)) {
			throw ApiException.validation(
					"Field '" + field + "' has unknown permission '" + value + "'; use " + PolicyRule.PERMISSIONS,
					Map.of("field", field));
		}
		return value;
	}

	private Map<String, Object> view(Policy policy) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", policy.id());
		view.put("name", policy.name());
		view.put("description", policy.description());
		List<Object> rules = new ArrayList<>();
		for (PolicyRule rule : policy.rules()) {
			Map<String, Object> ruleView = new LinkedHashMap<>();
			ruleView.put("path_pattern", rule.pathPattern().pattern());
			ruleView.put("permissions", rule.permissions());
			if (rule.hasConditions()) {
				Map<String, Object> conditions = new LinkedHashMap<>();
				if (rule.ipRanges() != null) {
					conditions.put("ip_ranges", rule.ipRanges().stream().map(Cidr::text).toList());
				}
				if (rule.requireMfa() != null) {
					conditions.put("require_mfa", rule.requireMfa());
				}
				ruleView.put("conditions", conditions);
			}
			rules.add(ruleView);
		}
		view.put("rules", rules);
		view.put("bindings", this.store.bindings(policy.id()).stream().map(this::view).toList());
		view.put("created_at", policy.createdAt().truncatedTo(ChronoUnit.MILLIS).toString());
		view.put("updated_at", policy.updatedAt().truncatedTo(ChronoUnit.MILLIS).toString());
		return view;
	}

	private Map<String, Object> view(PolicyBinding binding) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", binding.id());
		view.put("policy_id", binding.policyId());
		view.put("identity_type", binding.identityType());
		view.put("identity_id", binding.identityId());
		view.put("created_at", binding.createdAt().truncatedTo(ChronoUnit.MILLIS).toString());
		return view;
	}

}
