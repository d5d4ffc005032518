package ai.scailabs.scaivault.client.acme;

import java.time.Duration;
import java.util.List;

import ai.scailabs.scaivault.client.http.Blocking;

/**
 * ACME: accounts and orders, blocking: the same methods as {@link AsyncAcmeOperations}, waiting
 * for the answer.
 */
public final class AcmeOperations {

	private final AsyncAcmeOperations async;

	public AcmeOperations(AsyncAcmeOperations async) {
		this.async = async;
	}

	/**
	 * Register an account with an ACME provider.
	 * @param name unique name
	 * @param provider the provider, such as {@code letsencrypt}
	 * @param environment production or staging
	 * @param email contact address for the provider
	 * @return the account
	 */
	public AcmeAccount createAccount(String name, String provider, AcmeEnvironment environment, String email) {
		return Blocking.join(this.async.createAccount(name, provider, environment, email));
	}

	/**
	 * Order a certificate for the given domains.
	 * @param accountId the ACME account
	 * @param domains the domains
	 * @param challengeType how control of the domains is proven
	 * @param autoRenew whether the vault renews the certificate
	 * @return the order, {@code pending}
	 */
	public AcmeOrder issue(String accountId, List<String> domains, ChallengeType challengeType, boolean autoRenew) {
		return Blocking.join(this.async.issue(accountId, domains, challengeType, autoRenew));
	}

	/**
	 * Get an order and its current status.
	 * @param orderId the order id
	 * @return the order
	 */
	public AcmeOrder getOrder(String orderId) {
		return Blocking.join(this.async.getOrder(orderId));
	}

	/**
	 * Poll an order every {@link AsyncAcmeOperations#DEFAULT_POLL_INTERVAL} until it is valid.
	 * @param orderId the order id
	 * @param timeout how long to wait at most
	 * @return the valid order
	 */
	public AcmeOrder awaitValid(String orderId, Duration timeout) {
		return Blocking.join(this.async.awaitValid(orderId, timeout));
	}

	/**
	 * Poll an order until it is valid.
	 * @param orderId the order id
	 * @param timeout how long to wait at most
	 * @param pollInterval time between polls
	 * @return the valid order, with its certificate
	 * @see AsyncAcmeOperations#awaitValid(String, Duration, Duration)
	 */
	public AcmeOrder awaitValid(String orderId, Duration timeout, Duration pollInterval) {
		return Blocking.join(this.async.awaitValid(orderId, timeout, pollInterval));
	}

}
