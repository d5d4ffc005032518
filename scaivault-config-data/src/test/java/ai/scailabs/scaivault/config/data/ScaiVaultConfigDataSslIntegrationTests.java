package ai.scailabs.scaivault.config.data;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ai.scailabs.scaivault.client.ScaiVaultClient;
import ai.scailabs.scaivault.devserver.ScaiVaultDevServer;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Integration tests of {@code scaivault.ssl.bundle} at bootstrap, against the dev server over HTTPS
 * with its own CA.
 */
class ScaiVaultConfigDataSslIntegrationTests {

	private static ScaiVaultDevServer server;

	@BeforeAll
	static void startServer() {
		server = ScaiVaultDevServer.builder().https(true).start();
		try (ScaiVaultClient admin = ScaiVaultClient.builder()
			.baseUrl(server.baseUrl())
			.token(server.rootToken())
			.sslContext(server.sslContext())
			.build()) {
			admin.secrets().write("apps/tls/config", Map.of("mode", "private-ca"));
		}
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	@Test
	void importWhenSslBundleTrustsPrivateCaReadsOverHttps() {
		try (ConfigurableApplicationContext context = run("--scaivault.ssl.bundle=scaivault",
				"--spring.ssl.bundle.pem.scaivault.truststore.certificate=" + server.caCertificatePem())) {
			assertThat(context.getEnvironment().getProperty("mode")).isEqualTo("private-ca");
		}
	}

	@Test
	void importWhenSslBundleIsUndefinedFailsNamingIt() {
		assertThatIllegalStateException().isThrownBy(() -> run("--scaivault.ssl.bundle=missing"))
			.withMessageContaining("'missing'")
			.withMessageContaining("spring.ssl.bundle.pem.missing");
	}

	private static ConfigurableApplicationContext run(String... args) {
		return new SpringApplicationBuilder(Empty.class).web(WebApplicationType.NONE)
			.run(concat(args, "--scaivault.base-url=" + server.baseUrl(), "--scaivault.token=" + server.rootToken(),
					"--spring.config.import=scaivault:apps/tls/config"));
	}

	private static String[] concat(String[] args, String... more) {
		String[] all = new String[args.length + more.length];
		System.arraycopy(args, 0, all, 0, args.length);
		System.arraycopy(more, 0, all, args.length, more.length);
		return all;
	}

	@Configuration(proxyBeanMethods = false)
	static class Empty {

	}

}
