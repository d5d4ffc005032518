package ai.scailabs.scaivault.client.rotation;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ai.scailabs.scaivault.client.Page;
import ai.scailabs.scaivault.client.DevServerClients;
import ai.scailabs.scaivault.client.ScaiVaultClient;
import ai.scailabs.scaivault.devserver.ScaiVaultDevServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rotation against the embedded dev server: the walk-through's quarterly policy. Each test starts
 * its own server because the assertions on all policies and all due secrets need a fresh state.
 */
class RotationOperationsEndToEndTests {

	private static final String PATH = "integrations/salesforce/oauth";

	private ScaiVaultDevServer server;

	private ScaiVaultClient client;

	@BeforeEach
	void setUp() {
		this.server = ScaiVaultDevServer.builder().start();
		this.server.dispatchAsRoot("PUT", "/v1/secrets/" + PATH,
				"{\"data\": {\"client_id\": \"3MVG9...\", \"client_secret\": \"REDACTED\"}, \"secret_type\": \"json\"}");
		this.client = DevServerClients.rootClient(this.server);
	}

	@AfterEach
	void tearDown() {
		this.client.close();
		this.server.close();
	}

	@Test
	void quarterlyPolicyWithAssignedSecretIsDueAndRotatesOnTrigger() {
		RotationOperations rotation = this.client.rotation();
		RotationPolicy policy = rotation.create("quarterly", Duration.ofDays(90), Duration.ofHours(48),
				List.of(Duration.ofDays(7), Duration.ofDays(1)), false);
		assertThat(policy.interval()).isEqualTo(Duration.ofDays(90));
		assertThat(policy.gracePeriod()).isEqualTo(Duration.ofHours(48));
		assertThat(policy.warnBefore()).containsExactly(Duration.ofDays(7), Duration.ofDays(1));
		rotation.assignSecret(policy.id(), PATH);
		assertThat(rotation.get(policy.id())).isEqualTo(policy);
		assertThat(rotation.getSecretsDue(24 * 91)).extracting(DueSecret::secretPath).containsExactly(PATH);
		assertThat(rotation.getSecretsDue(1)).isEmpty();
		List<RotationResult> results = rotation.triggerRotation(policy.id(), List.of(PATH));
		assertThat(results).containsExactly(new RotationResult(PATH, "due", 1));
		assertThat(rotation.getHistory(policy.id(), 100).data()).isEmpty();
		rotation.unassignSecret(policy.id(), PATH);
		assertThat(rotation.list().data()).extracting(RotationPolicy::id).containsExactly(policy.id());
		rotation.delete(policy.id());
		assertThat(rotation.list().data()).isEmpty();
	}

	@Test
	void autoGeneratingPolicyRotatesPasswordSecretsAndKeepsHistory() {
		this.server.dispatchAsRoot("PUT", "/v1/secrets/app/db/password",
				"{\"data\": {\"password\": \"initial\"}, \"secret_type\": \"password\"}");
		RotationPolicy policy = this.client.async()
			.rotation()
			.create("monthly-passwords", Duration.ofDays(30), Duration.ofMinutes(90), true)
			.orTimeout(1, TimeUnit.MINUTES).join();
		assertThat(policy.gracePeriod()).isEqualTo(Duration.ofMinutes(90));
		this.client.rotation().assignSecret(policy.id(), "app/db/password");
		List<RotationResult> results = this.client.rotation().triggerRotation(policy.id(), List.of("app/db/password"));
		assertThat(results).containsExactly(new RotationResult("app/db/password", "rotated", 2));
		Page<RotationHistoryEntry> history = this.client.rotation().getHistory(policy.id(), 100);
		assertThat(history.data()).hasSize(1);
		RotationHistoryEntry entry = history.data().get(0);
		assertThat(entry.secretPath()).isEqualTo("app/db/password");
		assertThat(entry.status()).isEqualTo("rotated");
		assertThat(entry.fromVersion()).isEqualTo(1);
		assertThat(entry.toVersion()).isEqualTo(2);
		assertThat(entry.rotatedAt()).isNotNull();
	}

}
