package ai.scailabs.scaivault.client.acme;

/**
 * ACME: accounts and orders, blocking: the same methods as {@link AsyncAcmeOperations}, waiting for the answer.
 */
public final class AcmeOperations {

	private final AsyncAcmeOperations async;

	public AcmeOperations(AsyncAcmeOperations async) {
		this.async = async;
	}

}
