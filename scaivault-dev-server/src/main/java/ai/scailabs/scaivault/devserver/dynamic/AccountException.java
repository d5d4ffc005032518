package ai.scailabs.scaivault.devserver.dynamic;

/**
 * A database refused to create, change or drop an account, or could not be reached. The message
 * says what failed; it never holds a password (driver messages are scrubbed, and the driver's
 * exception is not kept as the cause, so that no log line can print what it held).
 */
class AccountException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final boolean unreachable;

	AccountException(String message, boolean unreachable) {
		super(message);
		this.unreachable = unreachable;
	}

	/** @return whether the database could not be reached at all (rather than refusing a statement) */
	boolean unreachable() {
		return this.unreachable;
	}

}
