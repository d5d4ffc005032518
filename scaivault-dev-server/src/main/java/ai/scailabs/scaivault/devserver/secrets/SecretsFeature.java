package ai.scailabs.scaivault.devserver.secrets;

import ai.scailabs.scaivault.devserver.DevServerContext;
import ai.scailabs.scaivault.devserver.http.Routes;

/**
 * Wires the secrets feature into the dev server.
 */
public final class SecretsFeature {

	private SecretsFeature() {
	}

	/**
	 * Create the secret store and register the secrets endpoints.
	 * @param context the server context
	 * @param routes where to register the routes
	 * @return the store, for the features that act on secrets (rotation)
	 */
	public static SecretStore register(DevServerContext context, Routes routes) {
		SecretStore store = new SecretStore(context.clock(), context.events());
		new SecretsApi(store, context.accessControl()).register(routes);
		return store;
	}

}
