package ai.scailabs.scaivault.samples.quickstart;

import java.util.Map;

import ai.scailabs.scaivault.client.AccessDeniedException;
import ai.scailabs.scaivault.client.ScaiVaultClient;
import ai.scailabs.scaivault.samples.devserver.SampleDevServer;
import org.junit.jupiter.api.Test;

import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link QuickstartDevServerSeed}: the walk-through's service account reads its one
 * path and cannot write it.
 */
class QuickstartDevServerSeedTests {

	@Test
	void seedWhenServiceAccountReadsThenSeesTheCredentialAndMayNotWriteIt() {
		try (SampleDevServer server = SampleDevServer.start(new QuickstartDevServerSeed(), new StandardEnvironment());
				ScaiVaultClient client = ScaiVaultClient.builder()
					.baseUrl(server.baseUrl())
					.environment((name) -> null)
					.clientCredentials(QuickstartDevServerSeed.CLIENT_ID, server.clientSecret())
					.build()) {
			assertThat(client.secrets().read("integrations/salesforce/oauth").data()).containsOnlyKeys("client_id",
					"client_secret");
			assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(
					() -> client.secrets().write("integrations/salesforce/oauth", Map.of("client_id", "other")));
		}
	}

}
