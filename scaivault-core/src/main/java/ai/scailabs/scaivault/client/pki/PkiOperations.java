package ai.scailabs.scaivault.client.pki;

/**
 * PKI: certificate authorities, roles, issue, CSRs, revoke, validate, blocking: the same methods as {@link AsyncPkiOperations}, waiting for the answer.
 */
public final class PkiOperations {

	private final AsyncPkiOperations async;

	public PkiOperations(AsyncPkiOperations async) {
		this.async = async;
	}

}
