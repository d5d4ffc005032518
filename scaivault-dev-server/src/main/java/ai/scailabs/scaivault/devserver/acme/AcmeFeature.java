package ai.scailabs.scaivault.devserver.acme;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

import ai.scailabs.scaivault.devserver.DevServerContext;
import ai.scailabs.scaivault.devserver.http.ApiException;
import ai.scailabs.scaivault.devserver.http.ApiRequest;
import ai.scailabs.scaivault.devserver.http.ApiResponse;
import ai.scailabs.scaivault.devserver.http.Bodies;
import ai.scailabs.scaivault.devserver.http.Routes;
import ai.scailabs.scaivault.devserver.pki.IssuedCertificate;
import ai.scailabs.scaivault.devserver.policy.AccessControl;

/**
 * The ACME routes of the contract (section 9): {@code POST /v1/acme/accounts} and
 * {@code GET /v1/acme/accounts/{id}} ({@code write} / {@code read} on {@code acme/accounts}),
 * {@code POST /v1/acme/orders} ({@code write} on {@code acme/orders}) and
 * {@code GET /v1/acme/orders/{id}}. An order carries its private key, so reading one is authorized
 * per order: the identity that placed it may read it, any other caller needs {@code read} on
 * {@code acme/orders/{id}} (a policy may grant {@code acme/orders/**}). See {@link AcmeService} for
 * how orders progress.
 */
public final class AcmeFeature {

	private static final String BODY = "the request body";

	private final AccessControl accessControl;

	private final AcmeService service;

	/**
	 * @param context the server context
	 * @param delay how long after the order its certificate is issued, on the dev clock
	 */
	public AcmeFeature(DevServerContext context, Duration delay) {
		this(context.accessControl(), new AcmeService(context.clock(), context.events(), delay));
	}

	/**
	 * @param accessControl authorization of every action
	 * @param service the ACME orders
	 */
	public AcmeFeature(AccessControl accessControl, AcmeService service) {
		this.accessControl = accessControl;
		this.service = service;
	}

	/** @return the ACME service behind the routes */
	public AcmeService service() {
		return this.service;
	}

	public void register(Routes routes) {
		routes.post("/v1/acme/accounts", this::createAccount);
		routes.get("/v1/acme/accounts/{id}", this::getAccount);
		routes.post("/v1/acme/orders", this::createOrder);
		routes.get("/v1/acme/orders/{id}", this::getOrder);
	}

	private ApiResponse createAccount(ApiRequest request) {
		this.accessControl.require(request, "write", "acme/accounts");
		ObjectNode body = request.body();
		Bodies.requireOnly(body, BODY, "name", "provider", "environment", "email");
		AcmeAccount account = this.service.createAccount(Bodies.requiredText(body, "name"),
				orDefault(Bodies.optionalText(body, "provider"), "letsencrypt"),
				orDefault(Bodies.optionalText(body, "environment"), "production"),
				Bodies.requiredText(body, "email"));
		return ApiResponse.created(accountView(account));
	}

	private ApiResponse getAccount(ApiRequest request) {
		this.accessControl.require(request, "read", "acme/accounts");
		return ApiResponse.ok(accountView(this.service.account(request.pathVariable("id"))));
	}

	private ApiResponse createOrder(ApiRequest request) {
		this.accessControl.require(request, "write", "acme/orders");
		ObjectNode body = request.body();
		Bodies.requireOnly(body, BODY, "account_id", "domains", "challenge_type", "auto_renew");
		String accountId = Bodies.requiredText(body, "account_id");
		List<String> domains = Bodies.optionalTextList(body, "domains");
		if (domains == null) {
			throw ApiException.validation("Field 'domains' is required", Map.of("field", "domains"));
		}
		Boolean autoRenew = Bodies.optionalBoolean(body, "auto_renew");
		AcmeOrder order = this.service.order(accountId, domains,
				orDefault(Bodies.optionalText(body, "challenge_type"), "dns-01"), Boolean.TRUE.equals(autoRenew),
				request.principal().identityId());
		return ApiResponse.created(orderView(order));
	}

	private ApiResponse getOrder(ApiRequest request) {
		String id = request.pathVariable("id");
		String resource = "acme/orders/" + id;
		String creator = this.service.creatorOf(id);
		if (creator != null && creator.equals(request.principal().identityId())) {
			this.accessControl.record(request, "read", resource, true);
		}
		else {
			this.accessControl.require(request, "read", resource);
		}
		return ApiResponse.ok(orderView(this.service.getOrder(id)));
	}

	private static String orDefault(@Nullable String value, String defaultValue) {
		return (value != null) ? value : defaultValue;
	}

	static Map<String, Object> accountView(AcmeAccount account) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", account.id());
		view.put("name", account.name());
		view.put("provider", account.provider());
		view.put("environment", account.environment());
		view.put("email", account.email());
		view.put("status", "valid");
		view.put("created_at", account.createdAt().toString());
		return view;
	}

	static Map<String, Object> orderView(AcmeOrder order) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", order.id());
		view.put("account_id", order.accountId());
		view.put("status", order.status().jsonValue());
		view.put("domains", order.domains());
		view.put("challenge_type", order.challengeType());
		view.put("auto_renew", order.autoRenew());
		view.put("created_at", order.createdAt().toString());
		String error = order.error();
		if (error != null) {
			view.put("error", error);
		}
		IssuedCertificate certificate = order.certificate();
		if (certificate != null) {
			view.put("serial_number", certificate.serialNumber());
			view.put("certificate_pem", certificate.certificatePem());
			view.put("private_key_pem", certificate.privateKeyPem());
			view.put("ca_chain", certificate.caChainPem());
			view.put("issued_at", String.valueOf(order.issuedAt()));
			view.put("expires_at", certificate.expiresAt().toString());
			view.put("renewals", order.renewals());
		}
		return view;
	}

}
