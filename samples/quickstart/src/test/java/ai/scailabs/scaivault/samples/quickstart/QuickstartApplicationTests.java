package ai.scailabs.scaivault.samples.quickstart;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import ai.scailabs.scaivault.client.ScaiVaultClient;
import ai.scailabs.scaivault.devserver.audit.AuditEntry;
import ai.scailabs.scaivault.samples.devserver.SampleDevServer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quickstart with no settings: it starts its dev server, imports the Salesforce credential as
 * {@code sa:reporting-service}, and answers on its endpoint without ever showing the credential.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class QuickstartApplicationTests {

	private static final String ORIGIN = "ScaiVault path integrations/salesforce/oauth, version 1";

	private static final String CLIENT_ID_VALUE = "3MVG9...";

	private static final String CLIENT_SECRET_VALUE = "REDACTED";

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private SampleDevServer devServer;

	@Autowired
	private SalesforceProperties salesforce;

	@Test
	void statusAnswersConfiguredWithOriginAndNoValue() throws Exception {
		HttpResponse<String> response = get("/salesforce/status");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"configured\":true")
			.contains("\"path\":\"integrations/salesforce/oauth\"")
			.contains("\"version\":1")
			.contains(ORIGIN);
		assertThat(response.body()).doesNotContain(CLIENT_ID_VALUE).doesNotContain(CLIENT_SECRET_VALUE);
	}

	@Test
	void credentialIsBoundFromScaiVault() {
		assertThat(this.salesforce.clientId()).isEqualTo(CLIENT_ID_VALUE);
		assertThat(this.salesforce.clientSecret()).isEqualTo(CLIENT_SECRET_VALUE);
		assertThat(this.salesforce.toString()).doesNotContain(CLIENT_ID_VALUE).doesNotContain(CLIENT_SECRET_VALUE);
	}

	@Test
	void secretIsReadAsTheServiceAccountNotAsRoot() {
		assertThat(this.devServer.server()
			.audit()
			.entries((entry) -> entry.path().equals("integrations/salesforce/oauth") && entry.action().equals("read")))
			.isNotEmpty()
			.extracting(AuditEntry::identityId, AuditEntry::result)
			.containsOnly(org.assertj.core.groups.Tuple.tuple("sa:reporting-service", "allowed"));
	}

	@Test
	void healthShowsScaiVaultUp() throws Exception {
		HttpResponse<String> response = get("/actuator/health");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"scaivault\":{").contains("\"version\":\"0.1.0-dev\"");
		assertThat(response.body()).doesNotContain(this.devServer.clientSecret());
	}

	@Test
	void envShowsScaiVaultOriginAndMasksValues() throws Exception {
		HttpResponse<String> response = get("/actuator/env");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("salesforce.client_id").contains(ORIGIN).contains("******");
		assertThat(response.body()).doesNotContain(CLIENT_ID_VALUE)
			.doesNotContain(CLIENT_SECRET_VALUE)
			.doesNotContain(this.devServer.clientSecret());
	}

	@Test
	void applicationUsesTheImportsClient(@Autowired ScaiVaultClient client) {
		assertThat(this.devServer.server().requestCount("POST", "/oauth/token")).isOne();
		assertThat(client.health().isOk()).isTrue();
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
