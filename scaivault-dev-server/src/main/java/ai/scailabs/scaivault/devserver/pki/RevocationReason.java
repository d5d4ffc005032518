package ai.scailabs.scaivault.devserver.pki;

import java.util.Locale;

import org.bouncycastle.asn1.x509.CRLReason;
import org.jspecify.annotations.Nullable;

/**
 * The reasons a certificate can be revoked for (RFC 5280 {@code CRLReason}).
 */
public enum RevocationReason {

	UNSPECIFIED(CRLReason.unspecified),

	KEY_COMPROMISE(CRLReason.keyCompromise),

	CA_COMPROMISE(CRLReason.cACompromise),

	AFFILIATION_CHANGED(CRLReason.affiliationChanged),

	SUPERSEDED(CRLReason.superseded),

	CESSATION_OF_OPERATION(CRLReason.cessationOfOperation),

	PRIVILEGE_WITHDRAWN(CRLReason.privilegeWithdrawn);

	private final int code;

	RevocationReason(int code) {
		this.code = code;
	}

	/** @return the RFC 5280 reason code */
	public int code() {
		return this.code;
	}

	/** @return the reason as written in JSON, such as {@code key_compromise} */
	public String jsonValue() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Read a reason leniently: {@code key_compromise}, {@code keyCompromise} and
	 * {@code KEY-COMPROMISE} are the same; free text such as {@code decommissioned} is
	 * {@link #UNSPECIFIED}.
	 * @param text the reason, or {@code null}
	 * @return the reason
	 */
	public static RevocationReason of(@Nullable String text) {
		if (text == null) {
			return UNSPECIFIED;
		}
		String squashed = text.replaceAll("[^A-Za-z]", "").toLowerCase(Locale.ROOT);
		for (RevocationReason reason : values()) {
			if (reason.name().replace("_", "").toLowerCase(Locale.ROOT).equals(squashed)) {
				return reason;
			}
		}
		return UNSPECIFIED;
	}

}
