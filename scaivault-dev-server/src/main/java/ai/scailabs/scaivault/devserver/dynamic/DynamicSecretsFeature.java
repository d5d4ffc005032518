package ai.scailabs.scaivault.devserver.dynamic;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import ai.scailabs.scaivault.devserver.DevServerContext;
import ai.scailabs.scaivault.devserver.http.ApiRequest;
import ai.scailabs.scaivault.devserver.http.ApiResponse;
import ai.scailabs.scaivault.devserver.http.Bodies;
import ai.scailabs.scaivault.devserver.http.Durations;
import ai.scailabs.scaivault.devserver.http.Pagination;
import ai.scailabs.scaivault.devserver.http.Routes;
import ai.scailabs.scaivault.devserver.policy.AccessControl;

/**
 * The dynamic-secrets routes of the contract (section 10):
 * <ul>
 * <li>{@code POST /v1/dynamic/engines}, {@code GET /v1/dynamic/engines},
 * {@code GET /v1/dynamic/engines/{engine}}, {@code POST|GET /v1/dynamic/engines/{engine}/roles},
 * {@code GET /v1/dynamic/engines/{engine}/roles/{role}} ({@code admin} on
 * {@code dynamic/engines});</li>
 * <li>{@code POST /v1/dynamic/{engine}/creds/{role}} ({@code read} on
 * {@code dynamic/{engine}/creds/{role}});</li>
 * <li>{@code POST /v1/leases/{lease_id}/renew}, {@code DELETE /v1/leases/{lease_id}}
 * ({@code write} on {@code leases}); {@code GET /v1/leases?engine=}, {@code GET /v1/leases/{lease_id}}
 * ({@code list} on {@code leases}).</li>
 * </ul>
 * Configuring an engine or role again replaces it ({@code 200}; {@code 201} when new). The admin
 * password and lease passwords appear in no answer but the one that creates the lease.
 */
public final class DynamicSecretsFeature {

	private static final String BODY = "the request body";

	private final AccessControl accessControl;

	private final DynamicSecrets dynamic;

	private final Supplier<Instant> now;

	/**
	 * @param accessControl authorization of every action
	 * @param dynamic the engines, roles and leases
	 * @param now the current time (the dev clock)
	 */
	DynamicSecretsFeature(AccessControl accessControl, DynamicSecrets dynamic,
			Supplier<Instant> now) {
		this.accessControl = accessControl;
		this.dynamic = dynamic;
		this.now = now;
	}

	/**
	 * Create the feature, register its routes and its tick, and revoke every outstanding lease when
	 * the server closes.
	 * @param context the server context
	 * @param routes where to register
	 * @return the engines, roles and leases behind the routes
	 */
	public static DynamicSecrets register(DevServerContext context, Routes routes) {
		DynamicSecrets dynamic = new DynamicSecrets(context.clock(), context.events());
		context.onClose(dynamic);
		new DynamicSecretsFeature(context.accessControl(), dynamic, context.clock()::now).register(routes);
		return dynamic;
	}

	void register(Routes routes) {
		routes.post("/v1/dynamic/engines", this::configureEngine);
		routes.get("/v1/dynamic/engines", this::listEngines);
		routes.get("/v1/dynamic/engines/{engine}", this::getEngine);
		routes.post("/v1/dynamic/engines/{engine}/roles", this::configureRole);
		routes.get("/v1/dynamic/engines/{engine}/roles", this::listRoles);
		routes.get("/v1/dynamic/engines/{engine}/roles/{role}", this::getRole);
		routes.post("/v1/dynamic/{engine}/creds/{role}", this::generate);
		routes.get("/v1/leases", this::listLeases);
		routes.get("/v1/leases/{lease_id}", this::getLease);
		routes.post("/v1/leases/{lease_id}/renew", this::renew);
		routes.delete("/v1/leases/{lease_id}", this::revoke);
	}

	private ApiResponse configureEngine(ApiRequest request) {
		this.accessControl.require(request, "admin", "dynamic/engines");
		ObjectNode body = request.body();
		Bodies.requireOnly(body, BODY, "name", "type", "connection_url", "username", "password", "verify_connection");
		Boolean verify = Bodies.optionalBoolean(body, "verify_connection");
		EngineRequest engineRequest = new EngineRequest(Bodies.requiredText(body, "name"),
				Bodies.requiredText(body, "type"), Bodies.optionalText(body, "connection_url"),
				Bodies.optionalText(body, "username"), Bodies.optionalText(body, "password"),
				(verify != null) ? verify : true);
		DynamicSecrets.Configured<Engine> configured = this.dynamic.configureEngine(engineRequest);
		return configured(configured.created(), engineView(configured.value()));
	}

	private ApiResponse listEngines(ApiRequest request) {
		this.accessControl.require(request, "admin", "dynamic/engines");
		return ApiResponse.ok(Pagination.page(request, this.dynamic.engines(), Engine::name, this::engineView));
	}

	private ApiResponse getEngine(ApiRequest request) {
		this.accessControl.require(request, "admin", "dynamic/engines");
		return ApiResponse.ok(engineView(this.dynamic.engine(request.pathVariable("engine"))));
	}

	private ApiResponse configureRole(ApiRequest request) {
		this.accessControl.require(request, "admin", "dynamic/engines");
		ObjectNode body = request.body();
		Bodies.requireOnly(body, BODY, "name", "creation_statements", "revocation_statements", "default_ttl",
				"max_ttl");
		RoleRequest roleRequest = new RoleRequest(Bodies.requiredText(body, "name"),
				statements(body, "creation_statements"), statements(body, "revocation_statements"),
				ttl(body, "default_ttl"), ttl(body, "max_ttl"));
		DynamicSecrets.Configured<Role> configured = this.dynamic.configureRole(request.pathVariable("engine"),
				roleRequest);
		return configured(configured.created(), roleView(configured.value()));
	}

	private ApiResponse listRoles(ApiRequest request) {
		this.accessControl.require(request, "admin", "dynamic/engines");
		return ApiResponse.ok(Pagination.page(request, this.dynamic.roles(request.pathVariable("engine")),
				Role::name, this::roleView));
	}

	private ApiResponse getRole(ApiRequest request) {
		this.accessControl.require(request, "admin", "dynamic/engines");
		return ApiResponse
			.ok(roleView(this.dynamic.role(request.pathVariable("engine"), request.pathVariable("role"))));
	}

	private ApiResponse generate(ApiRequest request) {
		String engine = request.pathVariable("engine");
		String role = request.pathVariable("role");
		this.accessControl.require(request, "read", "dynamic/" + engine + "/creds/" + role);
		ObjectNode body = request.body();
		Bodies.requireOnly(body, BODY, "ttl");
		Credentials credentials = this.dynamic.generate(engine, role, ttl(body, "ttl"));
		Lease lease = credentials.lease();
		Map<String, Object> view = leaseView(lease);
		view.put("lease_duration", lease.termSeconds());
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("username", lease.username());
		data.put("password", credentials.password());
		data.put("connection_url", lease.engine().credentialsUrl());
		view.put("data", data);
		return ApiResponse.ok(view);
	}

	private ApiResponse listLeases(ApiRequest request) {
		this.accessControl.require(request, "list", "leases");
		String engine = request.query("engine");
		String role = request.query("role");
		List<Lease> leases = this.dynamic.leases()
			.stream()
			.filter((lease) -> engine == null || engine.isEmpty() || lease.engine().name().equals(engine))
			.filter((lease) -> role == null || role.isEmpty() || lease.role().name().equals(role))
			.toList();
		return ApiResponse
			.ok(Pagination.page(request, leases, (lease) -> String.format("%019d", lease.sequence()), this::leaseView));
	}

	private ApiResponse getLease(ApiRequest request) {
		this.accessControl.require(request, "list", "leases");
		return ApiResponse.ok(leaseView(this.dynamic.lease(request.pathVariable("lease_id"))));
	}

	private ApiResponse renew(ApiRequest request) {
		this.accessControl.require(request, "write", "leases");
		ObjectNode body = request.body();
		Bodies.requireOnly(body, BODY, "increment");
		Renewal renewal = this.dynamic.renew(request.pathVariable("lease_id"), ttl(body, "increment"));
		Lease lease = renewal.lease();
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("lease_id", lease.id());
		view.put("lease_duration", renewal.leaseDuration());
		view.put("renewable", lease.renewable());
		view.put("expires_at", lease.expiresAt().toString());
		return ApiResponse.ok(view);
	}

	private ApiResponse revoke(ApiRequest request) {
		this.accessControl.require(request, "write", "leases");
		this.dynamic.revoke(request.pathVariable("lease_id"));
		return ApiResponse.noContent();
	}

	private Map<String, Object> engineView(Engine engine) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("name", engine.name());
		view.put("type", engine.type().id());
		view.put("connection_url", engine.credentialsUrl());
		view.put("username", engine.username());
		view.put("created_at", engine.createdAt().toString());
		return view;
	}

	private Map<String, Object> roleView(Role role) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("engine", role.engine());
		view.put("name", role.name());
		view.put("creation_statements", role.creationStatements());
		view.put("revocation_statements", role.revocationStatements());
		view.put("default_ttl", Durations.format(role.defaultTtl()));
		view.put("max_ttl", Durations.format(role.maxTtl()));
		view.put("created_at", role.createdAt().toString());
		return view;
	}

	private Map<String, Object> leaseView(Lease lease) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("lease_id", lease.id());
		view.put("engine", lease.engine().name());
		view.put("role", lease.role().name());
		view.put("lease_duration", lease.secondsLeft(this.now.get()));
		view.put("renewable", lease.renewable());
		view.put("issued_at", lease.issuedAt().toString());
		view.put("expires_at", lease.expiresAt().toString());
		return view;
	}

	private static ApiResponse configured(boolean created, Object view) {
		return created ? ApiResponse.created(view) : ApiResponse.ok(view);
	}

	private static @Nullable List<String> statements(ObjectNode body, String field) {
		JsonNode value = body.get(field);
		return (value != null && !value.isNull()) ? Statements.read(field, value, List.of()) : null;
	}

	private static @Nullable Duration ttl(ObjectNode body, String field) {
		JsonNode value = body.get(field);
		return (value != null && !value.isNull()) ? Durations.parsePositive(field, value, Duration.ZERO) : null;
	}

}
