package ai.scailabs.scaivault.boot.autoconfigure.ssl;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import ai.scailabs.scaivault.client.ScaiVaultClient;
import ai.scailabs.scaivault.client.ScaiVaultException;
import ai.scailabs.scaivault.client.acme.AcmeOrder;
import ai.scailabs.scaivault.client.acme.AcmeOrderStatus;
import ai.scailabs.scaivault.client.acme.AsyncAcmeOperations;
import ai.scailabs.scaivault.client.acme.ChallengeType;

/**
 * Issues a bundle's certificate through an ACME order: order, wait until it is {@code valid}, take
 * its certificate. The vault does not renew it by itself: the renewal scheduler orders again.
 */
final class AcmeCertificateIssuer implements CertificateIssuer {

	/** How long an order may take to become valid. */
	static final Duration ORDER_TIMEOUT = Duration.ofMinutes(10);

	private final String bundle;

	private final String accountId;

	private final List<String> domains;

	private final ChallengeType challengeType;

	private final Supplier<ScaiVaultClient> client;

	private final Duration pollInterval;

	AcmeCertificateIssuer(String bundle, String accountId, List<String> domains, ChallengeType challengeType,
			Supplier<ScaiVaultClient> client, Duration pollInterval) {
		this.bundle = bundle;
		this.accountId = accountId;
		this.domains = List.copyOf(domains);
		this.challengeType = challengeType;
		this.client = client;
		this.pollInterval = pollInterval;
	}

	@Override
	public CertificateMaterial issue() {
		AcmeOrder order;
		try {
			order = this.client.get().acme().issue(this.accountId, this.domains, this.challengeType, false);
			if (order.status() != AcmeOrderStatus.VALID) {
				order = this.client.get().acme().awaitValid(order.id(), ORDER_TIMEOUT, this.pollInterval);
			}
		}
		catch (ScaiVaultException ex) {
			throw failed(ex);
		}
		if (order.certificatePem() == null || order.privateKeyPem() == null) {
			throw ScaiVaultSslException.issueFailed(this.bundle, "SSL bundle '" + this.bundle + "': the ACME order "
					+ order.id() + " is valid but holds no certificate with its key",
					"Order with an account whose certificates ScaiVault stores with their keys.", null);
		}
		return CertificateMaterial.parse(null, order.certificatePem(), order.privateKeyPem(), order.caChain());
	}

	private ScaiVaultSslException failed(ScaiVaultException ex) {
		String property = "scaivault.ssl.bundle." + this.bundle + ".acme";
		if (AsyncAcmeOperations.ORDER_INVALID.equals(ex.getCode())) {
			return ScaiVaultSslException.issueFailed(this.bundle,
					"SSL bundle '" + this.bundle + "': " + ex.getMessage(),
					"Make the " + this.challengeType.value() + " challenge pass for every domain in " + property
							+ ".domains (dns-01: a TXT record at _acme-challenge.<domain>; http-01: an answer below"
							+ " http://<domain>/.well-known/acme-challenge/), or change " + property + ".domains or "
							+ property + ".challenge-type.",
					ex);
		}
		return ScaiVaultSslException.issueFailed(this.bundle,
				"SSL bundle '" + this.bundle + "': the ACME order for " + this.domains + " with account '"
						+ this.accountId + "' failed: " + ex.getMessage(),
				"Check " + property + ".account-id and " + property + ".domains, and that ScaiVault is reachable"
						+ " (error code " + ex.getCode() + ").",
				ex);
	}

	@Override
	public String toString() {
		return "ACME order for " + this.domains;
	}

}
