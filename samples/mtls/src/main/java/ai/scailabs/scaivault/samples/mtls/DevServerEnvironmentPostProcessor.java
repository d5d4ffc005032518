package ai.scailabs.scaivault.samples.mtls;

import java.time.Duration;
import java.util.Map;

import ai.scailabs.scaivault.client.ScaiVaultClient;
import ai.scailabs.scaivault.client.pki.CertificateAuthority;
import ai.scailabs.scaivault.client.pki.CreateCaRequest;
import ai.scailabs.scaivault.client.pki.CreateRoleRequest;
import ai.scailabs.scaivault.client.pki.KeyType;
import ai.scailabs.scaivault.devserver.ScaiVaultDevServer;
import org.apache.commons.logging.Log;

import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Lets the sample run with no set-up: when no ScaiVault is configured (neither
 * {@code scaivault.base-url} nor {@code SCAIVAULT_BASE_URL}), starts an in-memory dev server with a
 * CA and the role {@value #ROLE} (server and client certificates for {@code localhost} and its
 * subdomains), and points {@code scaivault.*} at it. The server stops with the application.
 *
 * <p>A real application has none of this: it sets {@code SCAIVAULT_BASE_URL} and its credentials,
 * and its ScaiVault administrators create the role.
 */
class DevServerEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String ROLE = "mtls-localhost";

	private final Log log;

	private final ConfigurableBootstrapContext bootstrapContext;

	DevServerEnvironmentPostProcessor(DeferredLogFactory logFactory, ConfigurableBootstrapContext bootstrapContext) {
		this.log = logFactory.getLog(DevServerEnvironmentPostProcessor.class);
		this.bootstrapContext = bootstrapContext;
	}

	@Override
	public int getOrder() {
		return ConfigDataEnvironmentPostProcessor.ORDER - 1;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.containsProperty("scaivault.base-url") || environment.containsProperty("SCAIVAULT_BASE_URL")
				|| this.bootstrapContext.isRegistered(ScaiVaultDevServer.class)) {
			return;
		}
		ScaiVaultDevServer server = ScaiVaultDevServer.builder().start();
		try (ScaiVaultClient admin = ScaiVaultClient.builder()
			.baseUrl(server.baseUrl())
			.environment((name) -> null)
			.token(server.rootToken())
			.build()) {
			CertificateAuthority ca = admin.pki()
				.createCa(CreateCaRequest.root("mtls-root", "mTLS Sample Root CA").withKey(KeyType.EC, 256));
			admin.pki()
				.createRole(CreateRoleRequest.of(ROLE, ca.id(), "localhost")
					.withSubdomains()
					.withIpSans()
					.withServerAuth()
					.withClientAuth()
					.withKey(KeyType.EC, 256)
					.withMaxTtl(Duration.ofDays(1)));
		}
		this.log.warn("No ScaiVault configured (SCAIVAULT_BASE_URL): started an in-memory ScaiVault dev server at "
				+ server.baseUrl() + " with a CA and the PKI role " + ROLE + ". Development only.");
		this.bootstrapContext.register(ScaiVaultDevServer.class, (context) -> server);
		environment.getPropertySources()
			.addLast(new MapPropertySource("scaivaultDevServer",
					Map.of("scaivault.base-url", server.baseUrl(), "scaivault.token", server.rootToken())));
		this.bootstrapContext.addCloseListener((event) -> {
			ConfigurableApplicationContext context = event.getApplicationContext();
			context.getBeanFactory().registerSingleton("mtlsDevServer", server);
			context.addApplicationListener((closed) -> {
				if (closed instanceof org.springframework.context.event.ContextClosedEvent) {
					server.close();
				}
			});
		});
	}

}
