package ai.scailabs.scaivault.devserver.auth;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * The clients of the client-credentials grant, and the groups every known identity belongs to
 * (used by {@code /v1/policies/test}).
 */
public final class ClientRegistry {

	private final Map<String, ClientRegistration> clients = new ConcurrentHashMap<>();

	/**
	 * @param client the client to add or replace
	 */
	public void register(ClientRegistration client) {
		this.clients.put(client.clientId(), client);
	}

	/**
	 * @param clientId a client id
	 * @return the client, or {@code null}
	 */
	public @Nullable ClientRegistration find(String clientId) {
		return this.clients.get(clientId);
	}

	/**
	 * @param identityId an identity
	 * @return the groups of the clients with that identity
	 */
	public Set<String> groupsOf(String identityId) {
		Set<String> groups = new java.util.TreeSet<>();
		for (ClientRegistration client : this.clients.values()) {
			if (client.identityId().equals(identityId)) {
				groups.addAll(client.groups());
			}
		}
		return groups;
	}

}
