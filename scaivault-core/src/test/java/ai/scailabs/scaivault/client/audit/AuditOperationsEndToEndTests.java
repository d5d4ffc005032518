package ai.scailabs.scaivault.client.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ai.scailabs.scaivault.client.AccessDeniedException;
import ai.scailabs.scaivault.client.DevServerClients;
import ai.scailabs.scaivault.client.Page;
import ai.scailabs.scaivault.client.ScaiVaultClient;
import ai.scailabs.scaivault.devserver.ScaiVaultDevServer;
import ai.scailabs.scaivault.devserver.junit.ScaiVaultDevServerTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The audit trail against the embedded dev server: an allowed and a denied read each leave one entry.
 */
@ScaiVaultDevServerTest
class AuditOperationsEndToEndTests {

	private static final String PATH = "integrations/salesforce/oauth";

	private ScaiVaultDevServer server;

	private ScaiVaultClient admin;

	@BeforeEach
	void setUp() {
		this.server.dispatchAsRoot("PUT", "/v1/secrets/" + PATH, "{\"data\": {\"client_secret\": \"REDACTED-VALUE\"}}");
		this.admin = client(this.server.rootToken());
	}

	@AfterEach
	void tearDown() {
		this.admin.close();
	}

	@Test
	void readsAreAuditedWithTheirIdentityAndResult() {
		Instant before = Instant.now().minus(1, ChronoUnit.MINUTES);
		try (ScaiVaultClient mallory = client(this.server.issueToken("user:mallory@acme.example"))) {
			assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> mallory.secrets().read(PATH));
		}
		this.admin.secrets().read(PATH);
		Page<AuditEntry> denied = this.admin.audit()
			.query(AuditQuery.all().withPath(PATH).withIdentityId("user:mallory@acme.example").withSince(before));
		assertThat(denied.data()).hasSize(1);
		AuditEntry entry = denied.data().get(0);
		assertThat(entry.action()).isEqualTo("read");
		assertThat(entry.result()).isEqualTo(AuditResult.DENIED);
		assertThat(entry.path()).isEqualTo(PATH);
		assertThat(entry.requestId()).isNotBlank();
		Page<AuditEntry> reads = this.admin.async().audit().query(AuditQuery.all().withPath(PATH).withAction("read")).orTimeout(1, TimeUnit.MINUTES).join();
		assertThat(reads.data()).extracting(AuditEntry::result).contains(AuditResult.ALLOWED, AuditResult.DENIED);
		assertThat(reads.data().toString()).doesNotContain("REDACTED-VALUE");
	}

	private ScaiVaultClient client(String token) {
		return DevServerClients.builder(this.server).token(token).maxRetries(0).build();
	}

}
