package ai.scailabs.scaivault.client.acme;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.annotation.JsonInclude;

import ai.scailabs.scaivault.client.ScaiVaultException;
import ai.scailabs.scaivault.client.ValidationException;
import ai.scailabs.scaivault.client.http.ApiRequest;
import ai.scailabs.scaivault.client.http.ApiTransport;
import ai.scailabs.scaivault.client.http.Endpoints;
import ai.scailabs.scaivault.client.http.Futures;

/**
 * ACME: accounts and orders, asynchronously: every method returns a {@code CompletableFuture}.
 */
public final class AsyncAcmeOperations {

	/** Error code of an order that ended {@code invalid}. */
	public static final String ORDER_INVALID = "acme_order_invalid";

	/** Poll interval of {@link #awaitValid(String, Duration)}. */
	public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(5);

	private final ApiTransport transport;

	public AsyncAcmeOperations(ApiTransport transport) {
		this.transport = transport;
	}

	/**
	 * Register an account with an ACME provider.
	 * @param name unique name
	 * @param provider the provider, such as {@code letsencrypt}
	 * @param environment production or staging
	 * @param email contact address for the provider
	 * @return the account
	 */
	public CompletableFuture<AcmeAccount> createAccount(String name, String provider, AcmeEnvironment environment,
			String email) {
		return Futures.checked(() -> {
			AccountBody body = new AccountBody(name, provider, environment, email);
			return this.transport.send(ApiRequest.post("acme.create_account", Endpoints.acmeAccounts(), body),
					AcmeAccount.class);
		});
	}

	/**
	 * Order a certificate for the given domains. The order starts {@code pending}: use
	 * {@link #awaitValid(String, Duration, Duration)} to wait for the certificate.
	 * @param accountId the ACME account
	 * @param domains the domains the certificate names
	 * @param challengeType how control of the domains is proven
	 * @param autoRenew whether the vault renews the certificate before it expires
	 * @return the order
	 */
	public CompletableFuture<AcmeOrder> issue(String accountId, List<String> domains, ChallengeType challengeType,
			boolean autoRenew) {
		return Futures.checked(() -> {
			if (domains.isEmpty()) {
				throw new ValidationException("validation_error",
						"domains must name at least one domain to order a certificate for", Map.of(), null, 0);
			}
			OrderBody body = new OrderBody(accountId, List.copyOf(domains), challengeType, autoRenew);
			return this.transport.send(ApiRequest.post("acme.issue", Endpoints.acmeOrders(), body), AcmeOrder.class);
		});
	}

	/**
	 * Get an order and its current status.
	 * @param orderId the order id
	 * @return the order
	 */
	public CompletableFuture<AcmeOrder> getOrder(String orderId) {
		return Futures.checked(() -> this.transport.send(ApiRequest.get("acme.get_order", Endpoints.acmeOrder(orderId)),
				AcmeOrder.class));
	}

	/**
	 * Poll an order every {@link #DEFAULT_POLL_INTERVAL} until it is valid.
	 * @param orderId the order id
	 * @param timeout how long to wait at most
	 * @return the valid order, with its certificate
	 * @see #awaitValid(String, Duration, Duration)
	 */
	public CompletableFuture<AcmeOrder> awaitValid(String orderId, Duration timeout) {
		return awaitValid(orderId, timeout, DEFAULT_POLL_INTERVAL);
	}

	/**
	 * Poll an order until it is valid, without blocking a thread between polls. The future fails with
	 * a {@link ScaiVaultException} of code {@value #ORDER_INVALID} when the order ends
	 * {@code invalid}, and of code {@value ScaiVaultException#TIMEOUT} when it is still not valid
	 * once the timeout has passed.
	 * @param orderId the order id
	 * @param timeout how long to wait at most
	 * @param pollInterval time between polls
	 * @return the valid order, with its certificate
	 */
	public CompletableFuture<AcmeOrder> awaitValid(String orderId, Duration timeout, Duration pollInterval) {
		return Futures.checked(() -> {
			Objects.requireNonNull(timeout, "timeout must not be null");
			if (pollInterval.isNegative() || pollInterval.isZero()) {
				throw new ValidationException("validation_error",
						"pollInterval must be positive, got " + pollInterval, Map.of(), null, 0);
			}
			long deadline = System.nanoTime() + timeout.toNanos();
			return poll(orderId, deadline, timeout, pollInterval);
		});
	}

	private CompletableFuture<AcmeOrder> poll(String orderId, long deadline, Duration timeout,
			Duration pollInterval) {
		return getOrder(orderId).thenCompose((order) -> switch (order.status()) {
			case VALID -> CompletableFuture.completedFuture(order);
			case INVALID -> CompletableFuture.failedFuture(invalid(order));
			// UNKNOWN: a state this client does not know yet (such as ready): still in progress.
			case PENDING, PROCESSING, UNKNOWN -> {
				if (System.nanoTime() + pollInterval.toNanos() - deadline > 0) {
					yield CompletableFuture.failedFuture(timedOut(order, timeout));
				}
				yield CompletableFuture
					.runAsync(() -> {
					}, CompletableFuture.delayedExecutor(pollInterval.toNanos(), TimeUnit.NANOSECONDS))
					.thenCompose((ignored) -> poll(orderId, deadline, timeout, pollInterval));
			}
		});
	}

	private static ScaiVaultException invalid(AcmeOrder order) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("order_id", order.id());
		details.put("status", order.status().value());
		String error = order.errorMessage();
		if (error != null) {
			details.put("error", error);
		}
		return new ScaiVaultException(ORDER_INVALID, "ACME order '" + order.id() + "' for " + order.domains()
				+ " is invalid: " + ((error != null) ? error : "no reason given"), details, null, 0);
	}

	private static ScaiVaultException timedOut(AcmeOrder order, Duration timeout) {
		return new ScaiVaultException(ScaiVaultException.TIMEOUT,
				"ACME order '" + order.id() + "' for " + order.domains() + " is still " + order.status().value()
						+ " after " + timeout + "; poll it again later with getOrder",
				Map.of("order_id", order.id(), "status", order.status().value()), null, 0);
	}

	/**
	 * Body of the register-account request.
	 * @param name unique name
	 * @param provider ACME provider, such as letsencrypt
	 * @param environment production or staging
	 * @param email contact e-mail address
	 */
	private record AccountBody(String name, String provider, AcmeEnvironment environment, String email) {

	}

	/**
	 * Body of the order request.
	 * @param accountId ACME account id
	 * @param domains domains of the certificate
	 * @param challengeType how control of the domains is proven
	 * @param autoRenew whether to renew before expiry
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	private record OrderBody(String accountId, List<String> domains, ChallengeType challengeType,
			boolean autoRenew) {

	}

}
