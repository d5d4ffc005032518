package ai.scailabs.scaivault.samples.quickstart;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import ai.scailabs.scaivault.samples.devserver.SampleDevServer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /actuator/health} of the quickstart follows its ScaiVault: {@code UP} while the dev server
 * runs, {@code DOWN} (HTTP 503) once it stops. Its own context, since it stops the server.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
class QuickstartHealthWhenScaiVaultStopsTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private SampleDevServer devServer;

	@Test
	void healthIsDownOnceScaiVaultStops() throws Exception {
		HttpResponse<String> up = get("/actuator/health/scaivault");
		assertThat(up.statusCode()).isEqualTo(200);
		assertThat(up.body()).contains("\"status\":\"UP\"");
		this.devServer.close();
		HttpResponse<String> down = get("/actuator/health/scaivault");
		assertThat(down.statusCode()).isEqualTo(503);
		assertThat(down.body()).contains("\"status\":\"DOWN\"").contains("\"error\":\"connection_error\"");
		assertThat(down.body()).doesNotContain(this.devServer.clientSecret());
	}

	private HttpResponse<String> get(String path) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
