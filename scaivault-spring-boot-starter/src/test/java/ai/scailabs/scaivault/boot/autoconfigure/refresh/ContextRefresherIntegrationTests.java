package ai.scailabs.scaivault.boot.autoconfigure.refresh;

import java.util.Map;

import ai.scailabs.scaivault.client.ScaiVaultClient;
import ai.scailabs.scaivault.devserver.ScaiVaultDevServer;
import ai.scailabs.scaivault.devserver.faults.Fault;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.cloud.context.refresh.ContextRefresher;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Spring Cloud's {@code ContextRefresher.refresh()} (what {@code /actuator/refresh} does) re-runs
 * the {@code scaivault:} import with the one client bean: no second client, no second token
 * exchange, and the client stays open.
 */
class ContextRefresherIntegrationTests {

	private static final String SEED = """
			{"policies": [{"name": "refresher", "rules": [{"path_pattern": "apps/**", "permissions": ["read"]}],
			  "bindings": [{"identity_type": "service_account", "identity_id": "sa:refresher"}]}],
			 "secrets": {"apps/demo/config": {"data": {"username": "alice", "password": "pw-1"}}}}
			""";

	@Test
	void refreshReimportsWithTheOneClientBean() {
		try (ScaiVaultDevServer server = ScaiVaultDevServer.builder()
			.client("refresher", "refresher-secret", "sa:refresher")
			.seed(SEED)
			.start();
				ScaiVaultClient admin = ScaiVaultClient.builder().baseUrl(server.baseUrl()).token(server.rootToken()).build()) {
			SpringApplication application = new SpringApplication(RefreshTestApplication.class);
			application.setWebApplicationType(WebApplicationType.NONE);
			try (ConfigurableApplicationContext context = application.run("--scaivault.base-url=" + server.baseUrl(),
					"--scaivault.client-id=refresher", "--scaivault.client-secret=refresher-secret",
					"--spring.config.import=scaivault:apps/demo/config?prefix=demo.", "--scaivault.refresh.poll-interval=0",
					"--spring.security.user.password=test-only")) {
				ScaiVaultClient client = context.getBean(ScaiVaultClient.class);
				int tokens = server.requestCount("POST", "/oauth/token");
				admin.secrets().write("apps/demo/config", Map.of("username", "alice", "password", "pw-2"));
				context.getBean(ContextRefresher.class).refresh();
				assertThat(context.getEnvironment().getProperty("demo.password")).isEqualTo("pw-2");
				assertThat(context.getBean(RefreshTestApplication.DemoProperties.class).getPassword()).isEqualTo("pw-2");
				assertThat(context.getBeansOfType(ScaiVaultClient.class)).containsOnlyKeys("scaiVaultClient");
				assertThat(context.getBean(ScaiVaultClient.class)).isSameAs(client);
				assertThat(server.requestCount("POST", "/oauth/token")).isEqualTo(tokens);
				assertThat(client.health().isOk()).isTrue();
			}
		}
	}

	@Test
	void refreshWhenScaiVaultFailsThenTheImportFailsButTheClientBeanStaysOpen() {
		try (ScaiVaultDevServer server = ScaiVaultDevServer.builder()
			.client("refresher", "refresher-secret", "sa:refresher")
			.seed(SEED)
			.start()) {
			SpringApplication application = new SpringApplication(RefreshTestApplication.class);
			application.setWebApplicationType(WebApplicationType.NONE);
			try (ConfigurableApplicationContext context = application.run("--scaivault.base-url=" + server.baseUrl(),
					"--scaivault.client-id=refresher", "--scaivault.client-secret=refresher-secret",
					"--spring.config.import=scaivault:apps/demo/config?prefix=demo.", "--scaivault.refresh.poll-interval=0",
					"--scaivault.retry.max-retries=0", "--scaivault.config.retry.max-attempts=1",
					"--spring.security.user.password=test-only")) {
				ScaiVaultClient client = context.getBean(ScaiVaultClient.class);
				server.faults().add(Fault.unavailable().forPath("/v1/secrets/batch"));
				assertThatException().isThrownBy(() -> context.getBean(ContextRefresher.class).refresh());
				server.faults().clear();
				assertThat(context.getEnvironment().getProperty("demo.password")).isEqualTo("pw-1");
				assertThat(client.health().isOk()).isTrue();
				assertThat(client.secrets().read("apps/demo/config").version()).isOne();
			}
		}
	}

}
