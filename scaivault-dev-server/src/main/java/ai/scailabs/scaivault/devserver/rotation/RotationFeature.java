package ai.scailabs.scaivault.devserver.rotation;

import ai.scailabs.scaivault.devserver.DevServerContext;
import ai.scailabs.scaivault.devserver.http.Routes;
import ai.scailabs.scaivault.devserver.secrets.SecretStore;

/**
 * Wires the rotation feature into the dev server: its endpoints and its scheduler on the clock.
 */
public final class RotationFeature {

	private RotationFeature() {
	}

	/**
	 * @param context the server context
	 * @param routes where to register the routes
	 * @param secrets the secret store that rotations write to
	 * @return the rotation service
	 */
	public static RotationService register(DevServerContext context, Routes routes, SecretStore secrets) {
		RotationService service = new RotationService(secrets, context.events(), context.clock());
		service.schedule();
		new RotationApi(service, context.accessControl()).register(routes);
		return service;
	}

}
