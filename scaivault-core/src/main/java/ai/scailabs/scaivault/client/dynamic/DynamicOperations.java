package ai.scailabs.scaivault.client.dynamic;

/**
 * Dynamic secrets: generate credentials, renew and revoke leases, blocking: the same methods as {@link AsyncDynamicOperations}, waiting for the answer.
 */
public final class DynamicOperations {

	private final AsyncDynamicOperations async;

	public DynamicOperations(AsyncDynamicOperations async) {
		this.async = async;
	}

}
