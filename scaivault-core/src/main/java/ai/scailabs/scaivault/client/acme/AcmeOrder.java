package ai.scailabs.scaivault.client.acme;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * An ACME certificate order. Once {@link AcmeOrderStatus#VALID valid} it holds the certificate and
 * its private key; {@link #toString()} never shows the key.
 *
 * @param id order id, such as {@code ord_...}
 * @param accountId the ACME account
 * @param domains the domains the certificate names
 * @param challengeType how control of the domains is proven
 * @param autoRenew whether the vault renews the certificate before it expires, or {@code null} when
 * the answer leaves it out
 * @param status state of the order
 * @param certificatePem the certificate, PEM, once valid
 * @param privateKeyPem its private key, PEM, once valid (secret: keep it out of logs)
 * @param caChain the issuing chain, PEM, once valid
 * @param expiresAt when the certificate expires, once valid
 * @param error why the order failed, once invalid: a message or an error object
 */
public record AcmeOrder(String id, @Nullable String accountId, List<String> domains,
		@Nullable ChallengeType challengeType, @Nullable Boolean autoRenew, AcmeOrderStatus status,
		@Nullable String certificatePem, @Nullable String privateKeyPem, List<String> caChain,
		@Nullable Instant expiresAt, @Nullable Object error) {

	public AcmeOrder {
		domains = (domains != null) ? List.copyOf(domains) : List.of();
		caChain = (caChain != null) ? List.copyOf(caChain) : List.of();
	}

	/**
	 * Return why the order failed, in words.
	 * @return the error message, or {@code null} when the order has not failed
	 */
	public @Nullable String errorMessage() {
		if (this.error instanceof Map<?, ?> map) {
			Object message = map.get("message");
			return (message != null) ? message.toString() : map.toString();
		}
		return (this.error != null) ? this.error.toString() : null;
	}

	@Override
	public String toString() {
		return "AcmeOrder[id=" + this.id + ", accountId=" + this.accountId + ", domains=" + this.domains
				+ ", status=" + this.status + ", expiresAt=" + this.expiresAt
				+ ((this.privateKeyPem != null) ? ", privateKeyPem=(redacted)" : "")
				+ ((this.error != null) ? ", error=" + errorMessage() : "") + "]";
	}

}
