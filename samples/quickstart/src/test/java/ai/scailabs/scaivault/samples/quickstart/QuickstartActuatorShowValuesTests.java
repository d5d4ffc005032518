package ai.scailabs.scaivault.samples.quickstart;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import ai.scailabs.scaivault.samples.devserver.SampleDevServer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quickstart with actuator values shown ({@code show-values=always}): the starter's sanitizing
 * function still masks every value imported from ScaiVault and the client's credentials, in
 * {@code /actuator/env} and {@code /actuator/configprops}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=health,env,configprops",
				"management.endpoint.env.show-values=always", "management.endpoint.configprops.show-values=always" })
class QuickstartActuatorShowValuesTests {

	private static final String ORIGIN = "ScaiVault path integrations/salesforce/oauth, version 1";

	private static final String SOURCE = "scaivault:integrations/salesforce/oauth?prefix=salesforce.";

	private static final String CLIENT_ID_VALUE = "3MVG9...";

	private static final String CLIENT_SECRET_VALUE = "REDACTED";

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@Autowired
	private SampleDevServer devServer;

	@Test
	void envWhenShowValuesIsAlwaysStillMasksScaiVaultValuesAndShowsTheirOrigin() throws Exception {
		JsonNode entry = getJson("/actuator/env/salesforce.client_id");
		assertThat(entry.at("/property/source").asString()).isEqualTo(SOURCE);
		assertThat(entry.at("/property/value").asString()).isEqualTo("******");
		JsonNode fromScaiVault = null;
		for (JsonNode source : entry.at("/propertySources")) {
			if (source.at("/name").asString().equals(SOURCE)) {
				fromScaiVault = source;
			}
		}
		assertThat(fromScaiVault).isNotNull();
		assertThat(fromScaiVault.at("/property/value").asString()).isEqualTo("******");
		assertThat(fromScaiVault.at("/property/origin").asString()).isEqualTo(ORIGIN);
	}

	@Test
	void envWhenShowValuesIsAlwaysShowsNoCredential() throws Exception {
		HttpResponse<String> response = get("/actuator/env");
		assertThat(response.statusCode()).isEqualTo(200);
		// values are shown: the application name proves it, the credentials stay masked
		assertThat(response.body()).contains("\"value\":\"quickstart\"")
			.contains("salesforce.client_id")
			.contains("salesforce.client_secret")
			.contains(ORIGIN);
		assertThat(response.body()).doesNotContain(CLIENT_ID_VALUE)
			.doesNotContain(CLIENT_SECRET_VALUE)
			.doesNotContain(this.devServer.clientSecret());
		JsonNode clientSecret = getJson("/actuator/env/scaivault.client-secret");
		assertThat(clientSecret.at("/property/value").asString()).isEqualTo("******");
		JsonNode webhookSecret = getJson("/actuator/env/scaivault.refresh.webhook.secret");
		assertThat(webhookSecret.at("/property/value").asString()).isEqualTo("******");
	}

	@Test
	void configpropsWhenShowValuesIsAlwaysMasksClientSecret() throws Exception {
		HttpResponse<String> response = get("/actuator/configprops/scaivault");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode bean = null;
		for (JsonNode context : this.json.readTree(response.body()).at("/contexts")) {
			for (JsonNode candidate : context.at("/beans")) {
				if (candidate.at("/prefix").asString().equals("scaivault")) {
					bean = candidate;
				}
			}
		}
		assertThat(bean).isNotNull();
		assertThat(bean.at("/properties/clientSecret").asString()).isEqualTo("******");
		JsonNode refresh = null;
		for (JsonNode context : this.json.readTree(get("/actuator/configprops").body()).at("/contexts")) {
			for (JsonNode candidate : context.at("/beans")) {
				if (candidate.at("/prefix").asString().equals("scaivault.refresh")) {
					refresh = candidate;
				}
			}
		}
		assertThat(refresh).isNotNull();
		assertThat(refresh.at("/properties/webhook/secret").asString()).isEqualTo("******");
		assertThat(bean.at("/properties/clientId").asString()).isEqualTo(QuickstartDevServerSeed.CLIENT_ID);
		assertThat(response.body()).doesNotContain(this.devServer.clientSecret());
		HttpResponse<String> all = get("/actuator/configprops");
		assertThat(all.body()).contains("salesforce")
			.doesNotContain(this.devServer.clientSecret())
			.doesNotContain(CLIENT_ID_VALUE)
			.doesNotContain(CLIENT_SECRET_VALUE);
	}

	private JsonNode getJson(String path) throws IOException, InterruptedException {
		HttpResponse<String> response = get(path);
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return this.json.readTree(response.body());
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
