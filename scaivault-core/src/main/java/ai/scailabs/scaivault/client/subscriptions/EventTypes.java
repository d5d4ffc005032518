package ai.scailabs.scaivault.client.subscriptions;

/**
 * The event types a subscription may ask for. Plain strings, so that new types of the service can
 * be subscribed to without a client upgrade.
 */
public final class EventTypes {

	/** A secret was created. */
	public static final String SECRET_CREATED = "secret.created";

	/** A secret's value or metadata changed. */
	public static final String SECRET_UPDATED = "secret.updated";

	/** A secret was rotated. */
	public static final String SECRET_ROTATED = "secret.rotated";

	/** A secret was deleted. */
	public static final String SECRET_DELETED = "secret.deleted";

	/** A secret's rotation is due (rotation policy without auto-generation). */
	public static final String ROTATION_DUE = "rotation.due";

	/** A rotation failed. */
	public static final String ROTATION_FAILED = "rotation.failed";

	/** A lease will expire soon. */
	public static final String LEASE_EXPIRING = "lease.expiring";

	/** A lease was revoked. */
	public static final String LEASE_REVOKED = "lease.revoked";

	/** A certificate was issued. */
	public static final String CERTIFICATE_ISSUED = "certificate.issued";

	/** A certificate will expire soon. */
	public static final String CERTIFICATE_EXPIRING = "certificate.expiring";

	private EventTypes() {
	}

}
