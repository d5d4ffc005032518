package ai.scailabs.scaivault.samples.devserver;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import ai.scailabs.scaivault.client.ScaiVaultClient;
import ai.scailabs.scaivault.devserver.ScaiVaultDevServer;
import org.jspecify.annotations.Nullable;

import org.springframework.core.env.Environment;

/**
 * A running dev server, seeded by a {@link SampleDevServerSeed}, and the credentials the
 * application reads it with. Development only.
 */
public final class SampleDevServer implements AutoCloseable {

	private final ScaiVaultDevServer server;

	private final SampleDevServerSeed.@Nullable Client client;

	private final @Nullable String clientSecret;

	private SampleDevServer(ScaiVaultDevServer server, SampleDevServerSeed.@Nullable Client client,
			@Nullable String clientSecret) {
		this.server = server;
		this.client = client;
		this.clientSecret = clientSecret;
	}

	/**
	 * Start a dev server and seed it.
	 * @param seed what it holds
	 * @param environment the application's environment, for the seed
	 * @return the running server
	 */
	public static SampleDevServer start(SampleDevServerSeed seed, Environment environment) {
		SampleDevServerSeed.Client client = seed.client();
		String clientSecret = (client != null) ? randomSecret() : null;
		ScaiVaultDevServer.Builder builder = ScaiVaultDevServer.builder();
		if (client != null && clientSecret != null) {
			builder.client(client.clientId(), clientSecret, client.identity());
		}
		String document = seed.document(environment);
		if (document != null) {
			builder.seed(document);
		}
		ScaiVaultDevServer server = builder.start();
		try (ScaiVaultClient root = ScaiVaultClient.builder()
			.baseUrl(server.baseUrl())
			.environment((name) -> null)
			.token(server.rootToken())
			.build()) {
			seed.seed(root);
		}
		catch (RuntimeException ex) {
			server.close();
			throw ex;
		}
		return new SampleDevServer(server, client, clientSecret);
	}

	/**
	 * Return the server's base URL.
	 * @return the base URL
	 */
	public String baseUrl() {
		return this.server.baseUrl();
	}

	/**
	 * Return the client secret of the seed's service account.
	 * @return the secret
	 * @throws IllegalStateException when the application reads with the root token
	 */
	public String clientSecret() {
		if (this.clientSecret == null) {
			throw new IllegalStateException("This dev server has no client: the application reads with its root token");
		}
		return this.clientSecret;
	}

	/**
	 * Return the dev server itself, for tests that inspect or stop it.
	 * @return the server
	 */
	public ScaiVaultDevServer server() {
		return this.server;
	}

	/**
	 * Return the {@code scaivault.*} properties that point the application at this server.
	 * @return the base URL and the client credentials, or the root token
	 */
	Map<String, Object> applicationProperties() {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("scaivault.base-url", baseUrl());
		if (this.client != null) {
			properties.put("scaivault.client-id", this.client.clientId());
			properties.put("scaivault.client-secret", clientSecret());
		}
		else {
			properties.put("scaivault.token", this.server.rootToken());
		}
		return properties;
	}

	/**
	 * Describe how the application reads, for the start-up log line.
	 * @return "reading as" the identity, or "reading with its root token"
	 */
	String readingAs() {
		return (this.client != null) ? "reading as " + this.client.identity() : "reading with its root token";
	}

	@Override
	public void close() {
		this.server.close();
	}

	@Override
	public String toString() {
		return "SampleDevServer[baseUrl=" + baseUrl() + ", clientId="
				+ ((this.client != null) ? this.client.clientId() : null) + "]";
	}

	private static String randomSecret() {
		byte[] bytes = new byte[24];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
