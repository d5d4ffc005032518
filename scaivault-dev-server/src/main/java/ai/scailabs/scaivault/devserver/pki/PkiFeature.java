package ai.scailabs.scaivault.devserver.pki;

import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import ai.scailabs.scaivault.devserver.DevServerContext;
import ai.scailabs.scaivault.devserver.http.ApiException;
import ai.scailabs.scaivault.devserver.http.ApiRequest;
import ai.scailabs.scaivault.devserver.http.ApiResponse;
import ai.scailabs.scaivault.devserver.http.Bodies;
import ai.scailabs.scaivault.devserver.http.Routes;
import ai.scailabs.scaivault.devserver.policy.AccessControl;

/**
 * The PKI routes of the contract (section 8):
 * <ul>
 * <li>{@code POST /v1/pki/cas}, {@code GET /v1/pki/cas/{id}}, {@code GET /v1/pki/cas/{id}/crl}
 * ({@code admin} on {@code pki/cas} to create, {@code read} to read);</li>
 * <li>{@code POST /v1/pki/roles} ({@code admin} on {@code pki/roles});</li>
 * <li>{@code POST /v1/pki/issue} ({@code write} on {@code pki/issue/{role}});</li>
 * <li>{@code POST /v1/pki/csr/generate}, {@code /import}, {@code /{id}/approve}, {@code /{id}/sign}
 * ({@code admin} on {@code pki/csr});</li>
 * <li>{@code POST /v1/pki/certificates/{serial}/revoke} ({@code admin} on
 * {@code pki/certificates});</li>
 * <li>{@code POST /v1/pki/validate} ({@code read} on {@code pki/validate}).</li>
 * </ul>
 * Private keys leave the server only in the {@code private_key_pem} of an issue answer.
 */
public final class PkiFeature {

	private static final String BODY = "the request body";

	private final AccessControl accessControl;

	private final PkiService service;

	/**
	 * @param context the server context
	 */
	public PkiFeature(DevServerContext context) {
		this(context.accessControl(), new PkiService(context.clock(), context.events()));
	}

	/**
	 * @param accessControl authorization of every action
	 * @param service the PKI
	 */
	public PkiFeature(AccessControl accessControl, PkiService service) {
		this.accessControl = accessControl;
		this.service = service;
	}

	/** @return the PKI behind the routes */
	public PkiService service() {
		return this.service;
	}

	public void register(Routes routes) {
		routes.post("/v1/pki/cas", this::createCa);
		routes.get("/v1/pki/cas/{id}", this::getCa);
		routes.get("/v1/pki/cas/{id}/crl", this::getCrl);
		routes.post("/v1/pki/roles", this::createRole);
		routes.post("/v1/pki/issue", this::issue);
		routes.post("/v1/pki/csr/generate", this::generateCsr);
		routes.post("/v1/pki/csr/import", this::importCsr);
		routes.post("/v1/pki/csr/{id}/approve", this::approveCsr);
		routes.post("/v1/pki/csr/{id}/sign", this::signCsr);
		routes.post("/v1/pki/certificates/{serial}/revoke", this::revoke);
		routes.post("/v1/pki/validate", this::validate);
	}

	private ApiResponse createCa(ApiRequest request) {
		this.accessControl.require(request, "admin", "pki/cas");
		ObjectNode body = request.body();
		Bodies.requireOnly(body, BODY, "name", "common_name", "ca_type", "parent_ca_id", "key_type", "key_size",
				"validity_days");
		String name = Bodies.requiredText(body, "name");
		String commonName = Bodies.requiredText(body, "common_name");
		String caType = orDefault(Bodies.optionalText(body, "ca_type"), "root");
		KeySpec keySpec = KeySpec.of(Bodies.optionalText(body, "key_type"), Bodies.optionalInt(body, "key_size"),
				KeySpec.DEFAULT);
		Integer validityDays = Bodies.optionalInt(body, "validity_days");
		CertificateAuthority ca = this.service.createCa(name, commonName, caType,
				Bodies.optionalText(body, "parent_ca_id"), keySpec,
				(validityDays != null) ? validityDays : ("root".equals(caType) ? 3650 : 1825));
		return ApiResponse.created(caView(ca));
	}

	private ApiResponse getCa(ApiRequest request) {
		this.accessControl.require(request, "read", "pki/cas");
		return ApiResponse.ok(caView(this.service.ca(request.pathVariable("id"))));
	}

	private ApiResponse getCrl(ApiRequest request) {
		this.accessControl.require(request, "read", "pki/cas");
		String id = request.pathVariable("id");
		X509CRL crl = this.service.crl(id);
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("ca_id", id);
		view.put("crl_pem", Pem.crl(crl));
		view.put("this_update", crl.getThisUpdate().toInstant().toString());
		view.put("next_update", crl.getNextUpdate().toInstant().toString());
		view.put("revoked_count", (crl.getRevokedCertificates() != null) ? crl.getRevokedCertificates().size() : 0);
		return ApiResponse.ok(view);
	}

	private ApiResponse createRole(ApiRequest request) {
		this.accessControl.require(request, "admin", "pki/roles");
		ObjectNode body = request.body();
		Bodies.requireOnly(body, BODY, "name", "ca_id", "allowed_domains", "allow_subdomains", "allow_ip_sans",
				"server_auth", "client_auth", "max_ttl", "key_type", "key_size");
		String name = Bodies.requiredText(body, "name");
		if (!name.matches("[A-Za-z0-9._-]{1,128}")) {
			throw ApiException.validation("Field 'name' must be 1 to 128 letters, digits, '.', '_' or '-'",
					Map.of("field", "name"));
		}
		String caId = Bodies.requiredText(body, "ca_id");
		List<String> allowedDomains = Bodies.optionalTextList(body, "allowed_domains");
		if (allowedDomains == null || allowedDomains.isEmpty()) {
			throw ApiException.validation("Field 'allowed_domains' is required: list the domains the role may issue for",
					Map.of("field", "allowed_domains"));
		}
		for (String domain : allowedDomains) {
			if (!DnsNames.isValid(domain)) {
				throw ApiException.validation("Field 'allowed_domains' holds '" + domain + "', which is not a domain",
						Map.of("field", "allowed_domains"));
			}
		}
		JsonNode maxTtl = present(body, "max_ttl");
		PkiRole role = new PkiRole(name, caId, allowedDomains, flag(body, "allow_subdomains", false),
				flag(body, "allow_ip_sans", false), flag(body, "server_auth", true), flag(body, "client_auth", true),
				(maxTtl != null) ? Ttls.parse(maxTtl, "max_ttl") : Duration.ofDays(90),
				KeySpec.of(Bodies.optionalText(body, "key_type"), Bodies.optionalInt(body, "key_size"),
						KeySpec.DEFAULT),
				this.service.now());
		return ApiResponse.created(roleView(this.service.createRole(role)));
	}

	private ApiResponse issue(ApiRequest request) {
		ObjectNode body = request.body();
		String role = Bodies.requiredText(body, "role");
		this.accessControl.require(request, "write", "pki/issue/" + role);
		Bodies.requireOnly(body, BODY, "role", "common_name", "alt_names", "ip_sans", "ttl");
		String commonName = Bodies.requiredText(body, "common_name");
		JsonNode ttl = present(body, "ttl");
		IssuedCertificate issued = this.service.issue(role, commonName, list(body, "alt_names"),
				list(body, "ip_sans"), (ttl != null) ? Ttls.parse(ttl, "ttl") : null);
		return ApiResponse.ok(issuedView(issued));
	}

	private ApiResponse generateCsr(ApiRequest request) {
		this.accessControl.require(request, "admin", "pki/csr");
		ObjectNode body = request.body();
		Bodies.requireOnly(body, BODY, "subject", "san_dns", "key_type", "key_size");
		ObjectNode subject = Bodies.optionalObject(body, "subject");
		if (subject == null) {
			throw ApiException.validation("Field 'subject' is required, with at least common_name",
					Map.of("field", "subject"));
		}
		CertificateSigningRequest csr = this.service.generateCsr(subject(subject), list(body, "san_dns"),
				KeySpec.of(Bodies.optionalText(body, "key_type"), Bodies.optionalInt(body, "key_size"),
						KeySpec.DEFAULT));
		return ApiResponse.ok(csrView(csr, true));
	}

	private ApiResponse importCsr(ApiRequest request) {
		this.accessControl.require(request, "admin", "pki/csr");
		ObjectNode body = request.body();
		Bodies.requireOnly(body, BODY, "csr_pem");
		CertificateSigningRequest csr = this.service.importCsr(Bodies.requiredText(body, "csr_pem"));
		return ApiResponse.ok(csrView(csr, false));
	}

	private ApiResponse approveCsr(ApiRequest request) {
		this.accessControl.require(request, "admin", "pki/csr");
		Bodies.requireOnly(request.body(), BODY);
		return ApiResponse.ok(csrView(this.service.approve(request.pathVariable("id")), false));
	}

	private ApiResponse signCsr(ApiRequest request) {
		this.accessControl.require(request, "admin", "pki/csr");
		ObjectNode body = request.body();
		Bodies.requireOnly(body, BODY, "ca_id", "validity_days");
		String caId = Bodies.requiredText(body, "ca_id");
		Integer validityDays = Bodies.optionalInt(body, "validity_days");
		IssuedCertificate issued = this.service.sign(request.pathVariable("id"), caId,
				(validityDays != null) ? validityDays : 90);
		return ApiResponse.ok(issuedView(issued));
	}

	private ApiResponse revoke(ApiRequest request) {
		this.accessControl.require(request, "admin", "pki/certificates");
		ObjectNode body = request.body();
		Bodies.requireOnly(body, BODY, "reason");
		this.service.revoke(request.pathVariable("serial"), Bodies.optionalText(body, "reason"));
		return ApiResponse.noContent();
	}

	private ApiResponse validate(ApiRequest request) {
		this.accessControl.require(request, "read", "pki/validate");
		ObjectNode body = request.body();
		Bodies.requireOnly(body, BODY, "certificate_pem", "chain_pem", "check_revocation");
		List<X509Certificate> certificates = certificates(Bodies.requiredText(body, "certificate_pem"),
				"certificate_pem");
		if (certificates.isEmpty()) {
			throw ApiException.validation("Field 'certificate_pem' holds no PEM 'CERTIFICATE' block",
					Map.of("field", "certificate_pem"));
		}
		String chainPem = Bodies.optionalText(body, "chain_pem");
		List<X509Certificate> chain = new java.util.ArrayList<>(certificates.subList(1, certificates.size()));
		if (chainPem != null) {
			chain.addAll(certificates(chainPem, "chain_pem"));
		}
		ValidationResult result = this.service.validate(certificates.get(0), chain,
				flag(body, "check_revocation", false));
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("valid", result.valid());
		view.put("errors", result.errors());
		return ApiResponse.ok(view);
	}

	private static List<X509Certificate> certificates(String pem, String field) {
		try {
			return Pem.certificates(pem);
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.validation("Field '" + field + "' holds a PEM block that is not an X.509 certificate",
					Map.of("field", field));
		}
	}

	private static X500Name subject(ObjectNode subject) {
		Bodies.requireOnly(subject, "subject", "common_name", "organization", "organizational_unit", "locality",
				"state", "country", "email");
		X500NameBuilder name = new X500NameBuilder(BCStyle.INSTANCE);
		add(name, BCStyle.C, Bodies.optionalText(subject, "country"));
		add(name, BCStyle.ST, Bodies.optionalText(subject, "state"));
		add(name, BCStyle.L, Bodies.optionalText(subject, "locality"));
		add(name, BCStyle.O, Bodies.optionalText(subject, "organization"));
		add(name, BCStyle.OU, Bodies.optionalText(subject, "organizational_unit"));
		String commonName = Bodies.optionalText(subject, "common_name");
		if (commonName == null || commonName.isBlank()) {
			throw ApiException.validation("Field 'subject.common_name' is required", Map.of("field", "subject.common_name"));
		}
		add(name, BCStyle.CN, commonName);
		add(name, BCStyle.EmailAddress, Bodies.optionalText(subject, "email"));
		return name.build();
	}

	private static void add(X500NameBuilder name, ASN1ObjectIdentifier type, @Nullable String value) {
		if (value != null && !value.isBlank()) {
			name.addRDN(type, value);
		}
	}

	private static List<String> list(ObjectNode body, String field) {
		List<String> values = Bodies.optionalTextList(body, field);
		return (values != null) ? values : List.of();
	}

	private static @Nullable JsonNode present(ObjectNode body, String field) {
		JsonNode value = body.get(field);
		return (value != null && !value.isNull()) ? value : null;
	}

	private static boolean flag(ObjectNode body, String field, boolean defaultValue) {
		Boolean value = Bodies.optionalBoolean(body, field);
		return (value != null) ? value : defaultValue;
	}

	private static String orDefault(@Nullable String value, String defaultValue) {
		return (value != null) ? value.toLowerCase(Locale.ROOT) : defaultValue;
	}

	static Map<String, Object> caView(CertificateAuthority ca) {
		X509Certificate certificate = ca.certificate();
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", ca.id());
		view.put("name", ca.name());
		view.put("common_name", ca.commonName());
		view.put("ca_type", ca.caType());
		view.put("parent_ca_id", (ca.parent() != null) ? ca.parent().id() : null);
		view.put("key_type", ca.keySpec().type());
		view.put("key_size", ca.keySpec().size());
		view.put("serial_number", IssuedCertificate.serialNumber(certificate.getSerialNumber()));
		view.put("not_before", certificate.getNotBefore().toInstant().toString());
		view.put("expires_at", certificate.getNotAfter().toInstant().toString());
		view.put("certificate_pem", Pem.certificate(certificate));
		view.put("ca_chain", ca.chain().stream().map(Pem::certificate).toList());
		view.put("created_at", ca.createdAt().toString());
		return view;
	}

	static Map<String, Object> roleView(PkiRole role) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("name", role.name());
		view.put("ca_id", role.caId());
		view.put("allowed_domains", role.allowedDomains());
		view.put("allow_subdomains", role.allowSubdomains());
		view.put("allow_ip_sans", role.allowIpSans());
		view.put("server_auth", role.serverAuth());
		view.put("client_auth", role.clientAuth());
		view.put("max_ttl", Ttls.format(role.maxTtl()));
		view.put("key_type", role.keySpec().type());
		view.put("key_size", role.keySpec().size());
		view.put("created_at", role.createdAt().toString());
		return view;
	}

	/**
	 * The answer of issue and sign; {@code private_key_pem} only when the server generated the key.
	 * @param issued the certificate
	 * @return the view
	 */
	public static Map<String, Object> issuedView(IssuedCertificate issued) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("serial_number", issued.serialNumber());
		view.put("certificate_pem", issued.certificatePem());
		String privateKeyPem = issued.privateKeyPem();
		if (privateKeyPem != null) {
			view.put("private_key_pem", privateKeyPem);
		}
		view.put("ca_chain", issued.caChainPem());
		view.put("ca_id", issued.caId());
		view.put("expires_at", issued.expiresAt().toString());
		return view;
	}

	static Map<String, Object> csrView(CertificateSigningRequest csr, boolean withPem) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", csr.id());
		view.put("status", csr.status().jsonValue());
		if (withPem) {
			view.put("csr_pem", csr.pem());
		}
		view.put("subject", csr.subject().toString());
		view.put("created_at", csr.createdAt().toString());
		return view;
	}

}
