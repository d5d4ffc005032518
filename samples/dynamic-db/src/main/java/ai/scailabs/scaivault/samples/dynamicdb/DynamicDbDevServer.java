package ai.scailabs.scaivault.samples.dynamicdb;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

import org.springframework.core.env.Environment;

import ai.scailabs.scaivault.devserver.ScaiVaultDevServer;

/**
 * An in-process ScaiVault dev server with the dynamic engine {@code orders-db} (on H2, or on
 * PostgreSQL or MariaDB with the profile of that name), its role {@code app}, and the service
 * account {@code sa:orders-service} that may lease its credentials. Development only.
 */
final class DynamicDbDevServer implements AutoCloseable {

	static final String SERVICE_ACCOUNT = "sa:orders-service";

	static final String CLIENT_ID = "orders-service";

	private final ScaiVaultDevServer server;

	private final String clientSecret;

	private DynamicDbDevServer(ScaiVaultDevServer server, String clientSecret) {
		this.server = server;
		this.clientSecret = clientSecret;
	}

	/**
	 * Start and seed a dev server.
	 * @param environment the environment with {@code sample.db.*} and {@code scaivault.datasource.ttl}
	 * @return the running server
	 */
	static DynamicDbDevServer start(Environment environment) {
		String type = environment.getProperty("sample.db.type", "h2");
		String seed = readSeed("dev-seed-" + type + ".json")
			.replace("@url@", json(environment.getProperty("sample.db.url", "")))
			.replace("@username@", json(environment.getProperty("sample.db.username", "")))
			.replace("@password@", json(environment.getProperty("sample.db.password", "")))
			.replace("@ttl@", json(environment.getProperty("scaivault.datasource.ttl", "20s")));
		String clientSecret = randomSecret();
		ScaiVaultDevServer server = ScaiVaultDevServer.builder()
			.client(CLIENT_ID, clientSecret, SERVICE_ACCOUNT)
			.seed(seed)
			.start();
		return new DynamicDbDevServer(server, clientSecret);
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
		return "DynamicDbDevServer[baseUrl=" + baseUrl() + ", clientId=" + CLIENT_ID + "]";
	}

	private static String readSeed(String name) {
		try (InputStream in = DynamicDbDevServer.class.getClassLoader().getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalStateException("No dev server seed " + name + ": sample.db.type must be h2, "
						+ "postgresql or mariadb");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the dev server seed " + name, ex);
		}
	}

	private static String json(String value) {
		return value.replace("\\", "\\\\").replace("\"", "\\\"");
	}

	private static String randomSecret() {
		byte[] bytes = new byte[24];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
