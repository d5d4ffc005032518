package ai.scailabs.scaivault.boot.autoconfigure.ssl;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import ai.scailabs.scaivault.client.ScaiVaultClient;
import ai.scailabs.scaivault.client.pki.CertificateAuthority;
import ai.scailabs.scaivault.client.pki.CreateCaRequest;
import ai.scailabs.scaivault.client.pki.CreateRoleRequest;
import ai.scailabs.scaivault.client.pki.KeyType;
import ai.scailabs.scaivault.devserver.ScaiVaultDevServer;

/**
 * A dev server with a CA and a role {@value #ROLE} that issues server and client certificates for
 * {@code localhost} and {@code 127.0.0.1}, and the properties of bundles issued from it.
 */
final class DevServerPki implements AutoCloseable {

	static final String ROLE = "svc-localhost";

	private final ScaiVaultDevServer server;

	private final ScaiVaultClient client;

	private final CertificateAuthority ca;

	private DevServerPki(ScaiVaultDevServer server) {
		this.server = server;
		this.client = ScaiVaultClient.builder()
			.baseUrl(server.baseUrl())
			.environment((name) -> null)
			.token(server.rootToken())
			.build();
		this.ca = this.client.pki()
			.createCa(CreateCaRequest.root("ssl-root", "ScaiVault Test Root").withKey(KeyType.EC, 256));
		this.client.pki()
			.createRole(CreateRoleRequest.of(ROLE, this.ca.id(), "localhost")
				.withIpSans()
				.withServerAuth()
				.withClientAuth()
				.withKey(KeyType.EC, 256)
				.withMaxTtl(Duration.ofDays(1)));
	}

	static DevServerPki start() {
		return new DevServerPki(ScaiVaultDevServer.builder().start());
	}

	ScaiVaultDevServer server() {
		return this.server;
	}

	ScaiVaultClient client() {
		return this.client;
	}

	String caCertificatePem() {
		return this.ca.certificatePem();
	}

	/**
	 * Return the connection properties and those of PKI bundles for localhost.
	 * @param ttl the certificates' lifetime
	 * @param bundles the bundle names
	 * @return the properties
	 */
	List<String> properties(Duration ttl, String... bundles) {
		List<String> properties = new ArrayList<>(List.of("scaivault.base-url=" + this.server.baseUrl(),
				"scaivault.token=" + this.server.rootToken()));
		for (String bundle : bundles) {
			String prefix = "scaivault.ssl.bundle." + bundle + ".pki.";
			properties.add(prefix + "role=" + ROLE);
			properties.add(prefix + "common-name=localhost");
			properties.add(prefix + "ip-sans=127.0.0.1");
			properties.add(prefix + "ttl=" + ttl.toSeconds() + "s");
		}
		return properties;
	}

	/**
	 * Return {@link #properties} and {@code server.ssl.bundle=server}.
	 * @param ttl the certificates' lifetime
	 * @param bundles the bundle names, {@code server} among them
	 * @return the properties, modifiable
	 */
	List<String> serverProperties(Duration ttl, String... bundles) {
		List<String> properties = properties(ttl, bundles);
		properties.add("server.ssl.bundle=server");
		return properties;
	}

	@Override
	public void close() {
		this.client.close();
		this.server.close();
	}

}
