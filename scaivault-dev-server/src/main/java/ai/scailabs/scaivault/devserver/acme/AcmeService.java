package ai.scailabs.scaivault.devserver.acme;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import ai.scailabs.scaivault.devserver.events.Event;
import ai.scailabs.scaivault.devserver.events.EventSink;
import ai.scailabs.scaivault.devserver.http.ApiException;
import ai.scailabs.scaivault.devserver.pki.CertificateAuthority;
import ai.scailabs.scaivault.devserver.pki.CertificateSigner;
import ai.scailabs.scaivault.devserver.pki.CertificateTemplate;
import ai.scailabs.scaivault.devserver.pki.DnsNames;
import ai.scailabs.scaivault.devserver.pki.Ids;
import ai.scailabs.scaivault.devserver.pki.IssuedCertificate;
import ai.scailabs.scaivault.devserver.pki.KeySpec;
import ai.scailabs.scaivault.devserver.time.DevClock;

/**
 * ACME answered by the dev server itself, without any network. An order is {@code pending} for
 * the first half of the configured delay, {@code processing} for the second half, and then
 * {@code valid} with a certificate of the dev ACME CA (created at start), or {@code invalid} when
 * a domain is under the reserved {@code .invalid} top-level domain, so clients can test failures.
 * Time is the dev clock's; orders move on every tick and on every read.
 *
 * <p>Orders with {@code auto_renew} get a new certificate and key when two thirds of the current
 * one's lifetime have passed, and {@code certificate.issued} is published (with
 * {@code renewal: true}); other orders publish {@code certificate.expiring} at that point.
 */
public final class AcmeService {

	/** The default delay from order to certificate. */
	public static final Duration DEFAULT_DELAY = Duration.ofSeconds(2);

	/** The lifetime of ACME certificates, as Let's Encrypt's. */
	public static final Duration CERTIFICATE_LIFETIME = Duration.ofDays(90);

	private static final List<String> PROVIDERS = List.of("letsencrypt", "zerossl", "buypass", "google");

	private final DevClock clock;

	private final EventSink events;

	private final Duration delay;

	private final CertificateAuthority ca;

	private final Map<String, AcmeAccount> accounts = new LinkedHashMap<>();

	private final Map<String, AcmeOrder> orders = new LinkedHashMap<>();

	/**
	 * @param clock the dev clock
	 * @param events where to publish certificate events
	 * @param delay how long after the order its certificate is issued
	 */
	public AcmeService(DevClock clock, EventSink events, Duration delay) {
		if (delay.isNegative()) {
			throw new IllegalArgumentException("The ACME delay must not be negative");
		}
		this.clock = clock;
		this.events = events;
		this.delay = delay;
		Instant now = now();
		this.ca = CertificateAuthority.create(Ids.next("ca"), "scaivault-dev-acme", "ScaiVault Dev ACME CA", null,
				KeySpec.DEFAULT, now, now.plus(Duration.ofDays(365L * 30)));
		clock.onTick(this::tick);
	}

	/** @return the dev ACME CA that signs every order's certificate */
	public X509Certificate caCertificate() {
		return this.ca.certificate();
	}

	/**
	 * Register an account.
	 * @param name the account's name
	 * @param provider the provider, such as {@code letsencrypt}
	 * @param environment {@code production} or {@code staging}
	 * @param email the contact address
	 * @return the account
	 */
	public synchronized AcmeAccount createAccount(String name, String provider, String environment, String email) {
		String normalizedProvider = provider.toLowerCase(Locale.ROOT);
		if (!PROVIDERS.contains(normalizedProvider)) {
			throw ApiException.validation("Field 'provider' must be one of " + PROVIDERS, Map.of("field", "provider"));
		}
		if (!"production".equals(environment) && !"staging".equals(environment)) {
			throw ApiException.validation("Field 'environment' must be production or staging",
					Map.of("field", "environment"));
		}
		if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
			throw ApiException.validation("Field 'email' must be an e-mail address", Map.of("field", "email"));
		}
		AcmeAccount account = new AcmeAccount(Ids.next("acct"), name, normalizedProvider, environment, email, now());
		this.accounts.put(account.id(), account);
		return account;
	}

	/**
	 * @param id an account id
	 * @return the account
	 * @throws ApiException {@code not_found}
	 */
	public synchronized AcmeAccount account(String id) {
		AcmeAccount account = this.accounts.get(id);
		if (account == null) {
			throw ApiException.notFound("No ACME account with id '" + id + "'", Map.of("account_id", id));
		}
		return account;
	}

	/**
	 * Place an order.
	 * @param accountId the account
	 * @param domains the domains, first one the common name
	 * @param challengeType {@code dns-01} or {@code http-01}
	 * @param autoRenew whether to renew before expiry
	 * @param createdBy the identity placing the order, which may always read it
	 * @return the pending order
	 */
	public synchronized AcmeOrder order(String accountId, List<String> domains, String challengeType,
			boolean autoRenew, String createdBy) {
		if (!"dns-01".equals(challengeType) && !"http-01".equals(challengeType)) {
			throw ApiException.validation("Field 'challenge_type' must be dns-01 or http-01",
					Map.of("field", "challenge_type"));
		}
		if (domains.isEmpty() || domains.size() > 100) {
			throw ApiException.validation("Field 'domains' must list 1 to 100 domains", Map.of("field", "domains"));
		}
		for (String domain : domains) {
			if (!DnsNames.isValid(domain)) {
				throw ApiException.validation("Field 'domains' holds '" + domain + "', which is not a DNS name",
						Map.of("field", "domains"));
			}
			if (domain.startsWith("*.") && !"dns-01".equals(challengeType)) {
				throw ApiException.validation("Field 'domains' holds the wildcard '" + domain
						+ "', which needs challenge_type dns-01", Map.of("field", "domains"));
			}
		}
		account(accountId);
		AcmeOrder order = new AcmeOrder(Ids.next("ord"), accountId, createdBy, domains, challengeType, autoRenew, now());
		this.orders.put(order.id(), order);
		return order;
	}

	/**
	 * Return the identity that placed an order, without moving the order on: for authorizing a read
	 * before the order is touched.
	 * @param id an order id
	 * @return the identity, or {@code null} if there is no such order
	 */
	public synchronized @Nullable String creatorOf(String id) {
		AcmeOrder order = this.orders.get(id);
		return (order != null) ? order.createdBy() : null;
	}

	/**
	 * Read an order, first moving it on to the current time.
	 * @param id an order id
	 * @return the order
	 * @throws ApiException {@code not_found}
	 */
	public synchronized AcmeOrder getOrder(String id) {
		AcmeOrder order = this.orders.get(id);
		if (order == null) {
			throw ApiException.notFound("No ACME order with id '" + id + "'", Map.of("order_id", id));
		}
		advance(order, now());
		return order;
	}

	private synchronized void tick(Instant now) {
		for (AcmeOrder order : this.orders.values()) {
			advance(order, now.truncatedTo(ChronoUnit.SECONDS));
		}
	}

	private void advance(AcmeOrder order, Instant now) {
		switch (order.status()) {
			case PENDING, PROCESSING -> {
				if (!now.isBefore(order.createdAt().plus(this.delay))) {
					complete(order, now);
				}
				else if (!now.isBefore(order.createdAt().plus(this.delay.dividedBy(2)))) {
					order.processing();
				}
			}
			case VALID -> renewOrAnnounce(order, now);
			case INVALID -> {
			}
		}
	}

	private void complete(AcmeOrder order, Instant now) {
		for (String domain : order.domains()) {
			if (domain.toLowerCase(Locale.ROOT).endsWith(".invalid")) {
				order.invalid("The " + order.challengeType() + " challenge for " + domain + " failed: "
						+ ("dns-01".equals(order.challengeType()) ? "no TXT record at _acme-challenge." + domain
								: "no answer at http://" + domain + "/.well-known/acme-challenge/"));
				return;
			}
		}
		issue(order, now, false);
	}

	private void renewOrAnnounce(AcmeOrder order, Instant now) {
		IssuedCertificate current = order.certificate();
		if (current == null) {
			return;
		}
		Instant notBefore = current.certificate().getNotBefore().toInstant();
		Instant notAfter = current.expiresAt();
		Instant renewAt = notBefore.plus(Duration.between(notBefore, notAfter).multipliedBy(2).dividedBy(3));
		if (now.isBefore(renewAt)) {
			return;
		}
		if (order.autoRenew()) {
			issue(order, now, true);
		}
		else if (now.isBefore(notAfter) && order.announceExpiry()) {
			this.events.publish(new Event("certificate.expiring", "acme/orders/" + order.id(), null, null,
					Map.of("order_id", order.id(), "serial_number", current.serialNumber(), "domains",
							order.domains(), "expires_at", notAfter.toString())));
		}
	}

	private void issue(AcmeOrder order, Instant now, boolean renewal) {
		KeyPair keyPair = KeySpec.DEFAULT.generate();
		X509Certificate certificate = this.ca.sign(CertificateTemplate.leaf(
				CertificateSigner.commonName(order.domains().get(0)), keyPair.getPublic(), now,
				now.plus(CERTIFICATE_LIFETIME), order.domains(), List.of(), true, false));
		IssuedCertificate issued = new IssuedCertificate(certificate, keyPair.getPrivate(), this.ca.chain(),
				this.ca.id());
		order.valid(issued, now);
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("order_id", order.id());
		data.put("serial_number", issued.serialNumber());
		data.put("domains", order.domains());
		data.put("expires_at", issued.expiresAt().toString());
		data.put("renewal", renewal);
		this.events.publish(new Event("certificate.issued", "acme/orders/" + order.id(), null, null, data));
	}

	private Instant now() {
		return this.clock.now().truncatedTo(ChronoUnit.SECONDS);
	}

}
