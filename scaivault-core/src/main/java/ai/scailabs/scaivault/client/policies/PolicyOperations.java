package ai.scailabs.scaivault.client.policies;

/**
 * Policies: create, get, list, delete, bind, unbind, test, blocking: the same methods as {@link AsyncPolicyOperations}, waiting for the answer.
 */
public final class PolicyOperations {

	private final AsyncPolicyOperations async;

	public PolicyOperations(AsyncPolicyOperations async) {
		this.async = async;
	}

}
