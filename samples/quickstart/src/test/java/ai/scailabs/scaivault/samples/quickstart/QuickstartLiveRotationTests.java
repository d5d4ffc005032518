package ai.scailabs.scaivault.samples.quickstart;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import ai.scailabs.scaivault.client.ScaiVaultClient;
import ai.scailabs.scaivault.client.policies.Permission;
import ai.scailabs.scaivault.client.policies.PolicyRule;
import ai.scailabs.scaivault.client.rotation.RotationPolicy;
import ai.scailabs.scaivault.client.secrets.RotateSecretRequest;
import ai.scailabs.scaivault.samples.devserver.SampleDevServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walk-through steps 6 and 7 in the quickstart, over real HTTP: the application registered its own
 * subscription at start-up; a rotation reaches the record-based {@link SalesforceProperties} and the
 * {@code @RefreshScope} {@link SalesforceClient} built from it, and {@code /salesforce/status}
 * reports the new version, with no restart. A {@code rotation.due} reaches the
 * {@link SalesforceRotationAutomation}, whose write-back is one more rotation.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "quickstart.rotation.write-back=true")
@ExtendWith(OutputCaptureExtension.class)
class QuickstartLiveRotationTests {

	private static final String PATH = SalesforceRotationAutomation.PATH;

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private SampleDevServer devServer;

	@Autowired
	private ApplicationContext context;

	@Test
	void rotateThenStatusReportsTheNewVersionAndTheRecordFlowSeesTheNewValueWithoutRestart(CapturedOutput output)
			throws Exception {
		// as the README does it: the dev-only operator of the seed rotates
		try (ScaiVaultClient operator = ScaiVaultClient.builder()
			.baseUrl(this.devServer.baseUrl())
			.clientCredentials("quickstart-operator", "dev-only-operator-secret")
			.build()) {
			int version = operator.secrets()
				.rotate(PATH, RotateSecretRequest.builder()
					.reason("manual")
					.newValue(Map.of("client_id", "3MVG9-ROTATED", "client_secret", "ROTATED-SECRET-VALUE"))
					.build())
				.version();
			awaitStatus((body) -> body.contains("\"version\":" + version));
			assertThat(this.context.getBean(SalesforceProperties.class).clientId()).isEqualTo("3MVG9-ROTATED");
			assertThat(this.context.getBean(SalesforceClient.class).clientId()).isEqualTo("3MVG9-ROTATED");
			assertThat(this.context.getBean(SalesforceClient.class).isConfigured()).isTrue();
		}
		assertThat(output).doesNotContain("ROTATED-SECRET-VALUE").doesNotContain(this.devServer.clientSecret());
	}

	@Test
	void rotationDueReachesTheAutomationWhichWritesTheNextVersion(CapturedOutput output) throws Exception {
		try (ScaiVaultClient admin = ScaiVaultClient.builder()
			.baseUrl(this.devServer.baseUrl())
			.token(this.devServer.server().rootToken())
			.build()) {
			// the automation writes: allowed here only, the seed's service account reads
			String policy = admin.policies()
				.create("automation-writes", List.of(PolicyRule.of(PATH, Permission.WRITE)), null)
				.id();
			admin.policies().bind(policy, "sa:reporting-service");
			int before = admin.secrets().read(PATH).version();
			RotationPolicy quarterly = admin.rotation()
				.create("quarterly", Duration.ofDays(90), Duration.ofHours(48), false);
			admin.rotation().assignSecret(quarterly.id(), PATH);
			admin.rotation().triggerRotation(quarterly.id(), List.of(PATH));
			awaitStatus((body) -> body.contains("\"version\":" + (before + 1)));
			SalesforceRotationAutomation automation = this.context.getBean(SalesforceRotationAutomation.class);
			assertThat(automation.lastDue()).isNotNull();
			assertThat(automation.lastDue().policyId()).isEqualTo(quarterly.id());
			assertThat(admin.secrets().read(PATH).version()).isEqualTo(before + 1);
		}
		assertThat(output).doesNotContain(this.devServer.clientSecret());
	}

	private void awaitStatus(Predicate<String> condition) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		String body = "";
		while (System.nanoTime() < deadline) {
			HttpResponse<String> response = this.http.send(
					HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/salesforce/status")).build(),
					HttpResponse.BodyHandlers.ofString());
			body = response.body();
			if (condition.test(body)) {
				return;
			}
			Thread.onSpinWait();
			TimeUnit.MILLISECONDS.sleep(20);
		}
		throw new AssertionError("/salesforce/status did not change within 30 s: " + body);
	}

}
