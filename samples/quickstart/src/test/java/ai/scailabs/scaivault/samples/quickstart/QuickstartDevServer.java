package ai.scailabs.scaivault.samples.quickstart;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

import ai.scailabs.scaivault.devserver.ScaiVaultDevServer;

/**
 * An in-process ScaiVault dev server set up as the walk-through describes: the Salesforce secret
 * at {@code integrations/salesforce/oauth}, the policy {@code reporting-service-salesforce} that
 * lets {@code sa:reporting-service} read that one path, and a client id and secret (new for every
 * run) that authenticate as {@code sa:reporting-service}. Development only.
 */
final class QuickstartDevServer implements AutoCloseable {

	static final String SERVICE_ACCOUNT = "sa:reporting-service";

	static final String CLIENT_ID = "reporting-service";

	private static final String SEED = "scaivault-dev-seed.json";

	private final ScaiVaultDevServer server;

	private final String clientSecret;

	private QuickstartDevServer(ScaiVaultDevServer server, String clientSecret) {
		this.server = server;
		this.clientSecret = clientSecret;
	}

	/**
	 * Start and seed a dev server.
	 * @return the running server
	 */
	static QuickstartDevServer start() {
		String clientSecret = randomSecret();
		ScaiVaultDevServer server = ScaiVaultDevServer.builder()
			.client(CLIENT_ID, clientSecret, SERVICE_ACCOUNT)
			.seed(readSeed())
			.start();
		return new QuickstartDevServer(server, clientSecret);
	}

	String baseUrl() {
		return this.server.baseUrl();
	}

	String clientSecret() {
		return this.clientSecret;
	}

	ScaiVaultDevServer server() {
		return this.server;
	}

	@Override
	public void close() {
		this.server.close();
	}

	@Override
	public String toString() {
		return "QuickstartDevServer[baseUrl=" + baseUrl() + ", clientId=" + CLIENT_ID + "]";
	}

	private static String readSeed() {
		try (InputStream in = QuickstartDevServer.class.getClassLoader().getResourceAsStream(SEED)) {
			if (in == null) {
				throw new IllegalStateException("The dev server seed " + SEED + " is missing from the classpath");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the dev server seed " + SEED, ex);
		}
	}

	private static String randomSecret() {
		byte[] bytes = new byte[24];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
