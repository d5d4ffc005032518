package ai.scailabs.scaivault.devserver.acme;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import ai.scailabs.scaivault.devserver.pki.IssuedCertificate;

/**
 * An ACME order and its certificate. Its status moves {@code pending} → {@code processing} →
 * {@code valid} (or {@code invalid}) as time passes on the dev clock; see {@link AcmeService}.
 * {@link #toString()} never shows the key.
 */
public final class AcmeOrder {

	/** The status of an order. */
	public enum Status {

		PENDING, PROCESSING, VALID, INVALID;

		/** @return the status as written in JSON */
		public String jsonValue() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	private final String id;

	private final String accountId;

	private final String createdBy;

	private final List<String> domains;

	private final String challengeType;

	private final boolean autoRenew;

	private final Instant createdAt;

	private Status status = Status.PENDING;

	private @Nullable String error;

	private @Nullable IssuedCertificate certificate;

	private @Nullable Instant issuedAt;

	private int renewals;

	private boolean expiryAnnounced;

	AcmeOrder(String id, String accountId, String createdBy, List<String> domains, String challengeType,
			boolean autoRenew, Instant createdAt) {
		this.id = id;
		this.accountId = accountId;
		this.createdBy = createdBy;
		this.domains = List.copyOf(domains);
		this.challengeType = challengeType;
		this.autoRenew = autoRenew;
		this.createdAt = createdAt;
	}

	public String id() {
		return this.id;
	}

	public String accountId() {
		return this.accountId;
	}

	/** @return the identity that placed the order, which may always read it */
	public String createdBy() {
		return this.createdBy;
	}

	public List<String> domains() {
		return this.domains;
	}

	public String challengeType() {
		return this.challengeType;
	}

	public boolean autoRenew() {
		return this.autoRenew;
	}

	public Instant createdAt() {
		return this.createdAt;
	}

	public synchronized Status status() {
		return this.status;
	}

	/** @return why the order is invalid, or {@code null} */
	public synchronized @Nullable String error() {
		return this.error;
	}

	/** @return the current certificate of a valid order, or {@code null} */
	public synchronized @Nullable IssuedCertificate certificate() {
		return this.certificate;
	}

	/** @return when the current certificate was issued, or {@code null} */
	public synchronized @Nullable Instant issuedAt() {
		return this.issuedAt;
	}

	/** @return how many times the certificate was renewed */
	public synchronized int renewals() {
		return this.renewals;
	}

	synchronized void processing() {
		this.status = Status.PROCESSING;
	}

	synchronized void invalid(String error) {
		this.status = Status.INVALID;
		this.error = error;
	}

	synchronized void valid(IssuedCertificate certificate, Instant issuedAt) {
		if (this.certificate != null) {
			this.renewals++;
		}
		this.status = Status.VALID;
		this.certificate = certificate;
		this.issuedAt = issuedAt;
		this.expiryAnnounced = false;
	}

	synchronized boolean announceExpiry() {
		if (this.expiryAnnounced) {
			return false;
		}
		this.expiryAnnounced = true;
		return true;
	}

	@Override
	public synchronized String toString() {
		return "AcmeOrder[id=" + this.id + ", domains=" + this.domains + ", status=" + this.status.jsonValue() + "]";
	}

}
