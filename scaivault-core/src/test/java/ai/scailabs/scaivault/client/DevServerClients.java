package ai.scailabs.scaivault.client;

import ai.scailabs.scaivault.devserver.ScaiVaultDevServer;

/**
 * Clients for end-to-end tests against a {@link ScaiVaultDevServer}, isolated from the
 * environment of the machine that runs the tests.
 */
public final class DevServerClients {

	private DevServerClients() {
	}

	/**
	 * Return a builder for the given server that ignores environment variables.
	 * @param server the dev server
	 * @return a builder with the server's base URL and no token yet
	 */
	public static ScaiVaultClientBuilder builder(ScaiVaultDevServer server) {
		return ScaiVaultClient.builder().baseUrl(server.baseUrl()).environment((name) -> null);
	}

	/**
	 * Return a client for the given server that uses its root token.
	 * @param server the dev server
	 * @return a client authenticated as root
	 */
	public static ScaiVaultClient rootClient(ScaiVaultDevServer server) {
		return builder(server).token(server.rootToken()).build();
	}

}
