package ai.scailabs.scaivault.devserver.dynamic;

/**
 * A new lease with the account's password, which is handed out this once.
 * {@link #toString()} leaves the password out.
 *
 * @param lease the lease
 * @param password the account's password
 */
record Credentials(Lease lease, String password) {

	@Override
	public String toString() {
		return "Credentials[lease=" + this.lease.id() + ", username=" + this.lease.username()
				+ ", password=<redacted>]";
	}

}
